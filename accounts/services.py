"""Writes on a person's own account: their profile, and deleting the account."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from taxonomy.keywords import tags_named

from .deletion import deletion_blockers, run_deletion_steps
from .models import UserSkill


@transaction.atomic
def save_profile(form, links):
    """Save a valid ProfileForm and its links formset together (all or nothing).

    Skills are written by `set_skills` rather than taggit's manager, which looks up each name
    and each tagging separately. A replaced or cleared photo's file is removed after commit.
    """
    old_photo = form.initial.get("photo")
    user = form.save(commit=False)
    user.save()
    set_skills(user, form.cleaned_data["skills"])
    links.save()
    if old_photo and old_photo.name != user.photo.name:
        _delete_file_on_commit(old_photo)
    return user


def _delete_file_on_commit(field_file):
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


def set_skills(user, names):
    """Make `names` the user's skills, in a fixed number of queries whatever their number."""
    tags = tags_named(names)
    UserSkill.objects.filter(content_object=user).exclude(tag__in=tags).delete()
    kept = set(UserSkill.objects.filter(content_object=user).values_list("tag_id", flat=True))
    UserSkill.objects.bulk_create(
        [UserSkill(content_object=user, tag=tag) for tag in tags if tag.pk not in kept]
    )


@transaction.atomic
def delete_account(user, *, confirmed_email):
    """Delete `user` for good, with their memberships, join requests, reports, skills and links.

    Refuses with a ValidationError when `confirmed_email` is not the account's address, or when
    a registered deletion blocker objects (the only owner of a listing: someone must own it
    first; see accounts.deletion). Listings with another owner stay. The photo file is removed
    once the deletion is committed. Logging the person out is the caller's job.
    """
    if confirmed_email.strip().lower() != user.email.lower():
        raise ValidationError(
            _("The address you typed is not the address of this account."), code="mismatch"
        )
    if deletion_blockers(user):
        raise ValidationError(
            _("You are the only owner of a listing. Transfer its ownership or delete it first."),
            code="last_owner",
        )
    photo = user.photo
    run_deletion_steps(user)
    user.delete()
    if photo:
        _delete_file_on_commit(photo)
