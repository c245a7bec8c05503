from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.text import PlainTextCharField
from taxonomy.models import Placed

from .choices import LinkKind
from .uploads import random_name


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def verified(self):
        """People with at least one verified e-mail address (allauth's EmailAddress)."""
        return self.filter(Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)))

    def for_profile(self):
        """What the public profile shows about the person, in a fixed number of queries."""
        return self.select_related("city").prefetch_related("skills", "links")


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users must have an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin, Placed):
    """A person with an account. The e-mail address is the login; there is no username."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = PlainTextCharField(_("first name"), max_length=150)
    last_name = PlainTextCharField(_("last name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can log into the Django admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    accepted_terms_at = models.DateTimeField(_("terms accepted at"), null=True, blank=True)
    trusted_at = models.DateTimeField(
        _("trusted since"),
        null=True,
        blank=True,
        help_text=_(
            "Set when a moderator first approves this person's submission: "
            "their later submissions publish directly."
        ),
    )

    # Public profile ---------------------------------------------------------------------------
    bio = models.TextField(
        _("about me"),
        max_length=2000,
        blank=True,
        help_text=_("Plain text, at most 2000 characters. Line breaks are kept."),
    )
    job_title = PlainTextCharField(_("job title"), max_length=150, blank=True)
    company = PlainTextCharField(_("organisation or company"), max_length=150, blank=True)
    skills = TaggableManager(
        through="accounts.UserSkill",
        blank=True,
        verbose_name=_("skills"),
        help_text=_("Separate skills with commas, for example: open data, design, Python."),
    )
    languages = models.JSONField(
        _("languages I speak"),
        default=list,
        blank=True,
        help_text=_("Language codes from the site's languages (settings.LANGUAGES)."),
    )
    photo = models.ImageField(_("photo"), upload_to=random_name("people/photos"), blank=True)
    show_email = models.BooleanField(
        _("show my e-mail address on my public profile"), default=False
    )
    language = models.CharField(
        _("language for e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The hub writes to you in this language."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]
    # What a person fills in for their public profile, in the order of the profile form; the
    # admin's "Public profile" fieldset and the profile form both use this one list.
    PUBLIC_PROFILE_FIELDS = [
        "job_title",
        "company",
        "bio",
        "country",
        "city",
        "skills",
        "languages",
        "photo",
        "show_email",
    ]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "pk"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name

    def get_absolute_url(self):
        return reverse("person-detail", kwargs={"pk": self.pk})

    @property
    def public_name(self):
        """The name shown on public pages; never the e-mail address (that is opt-in)."""
        return self.get_full_name() or gettext("Hub member")

    @property
    def language_names(self):
        """The person's languages as names, in the order of settings.LANGUAGES."""
        chosen = set(self.languages or [])
        return [name for code, name in settings.LANGUAGES if code in chosen]


class UserSkill(TaggedItemBase):
    """A skill tag on a person's profile (free keywords share taggit's Tag table)."""

    content_object = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tagged_skills")

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class UserLink(models.Model):
    """A link on a person's public profile."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind of link"), max_length=20, choices=LinkKind.choices)
    url = models.URLField(_("address"), max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.url
