"""Moderation's public pages: reporting content, and the moderated create and edit pages.

The moderated create and edit pages work for any model on `ModeratedModel`.

A kind of content needs a model (with its publishing policy), a form and these views with a few
attributes: organisations, projects, events and funding calls all submit through here.

- `ModeratedCreateView`: login and a verified e-mail address required; per-user and per-IP rate
  limits; the rendered form carries a one-time token so a double click creates one object;
  `create_service(obj, by=..., token=...)` saves it (published at once or in review).
- `ModeratedEditView`: the model's policy decides (`may_edit`; 403 for people who `may_view`
  the object, 404 for the rest); the form edits the latest version (the one waiting for
  review, if any); `update_service(obj, by=...)` returns "published" or "pending".
"""

import mimetypes
import uuid

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.models import Revision

from accounts.verification import has_verified_email, verified_email_required
from core.antispam import rate_limit

from .forms import ReportForm
from .models import moderated_models
from .reports import report_content, reportable_model, reportable_queryset
from .services import DuplicateSubmission
from .status import review_status
from .uploads import PENDING, file_fields

TOKEN_FIELD = "submission_token"  # noqa: S105 - a form field name, not a secret


class ModeratedFormMixin(LoginRequiredMixin):
    """Form handling shared by create and edit; the outcome decides the message."""

    model = None
    unverified_template = "moderation/email_unverified.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_form_instance()}

    def form_valid(self, form):
        obj = form.save(commit=False)
        form.save_m2m()
        try:
            outcome = self.submit(obj)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        except DuplicateSubmission as duplicate:
            return self.already_submitted(duplicate.original)
        messages.success(self.request, self.submitted_message(obj, outcome))
        return redirect(self.get_success_url(obj))

    def get_success_url(self, obj):
        return obj.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.model._meta.verbose_name, **kwargs)


@method_decorator(rate_limit("moderated-create"), name="dispatch")
class ModeratedCreateView(ModeratedFormMixin, FormView):
    create_service = None  # staticmethod(create_x): (obj, *, by, token) -> obj

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_verified_email(request.user):
            context = {"kind": self.model._meta.verbose_name}
            return render(request, self.unverified_template, context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_form_instance(self):
        return self.model()

    def get_context_data(self, **kwargs):
        return super().get_context_data(submission_token=self.submission_token(), **kwargs)

    def submission_token(self):
        """The posted token (kept while the form is corrected), or a new one for a new form."""
        posted = self.request.POST.get(TOKEN_FIELD, "")
        try:
            return uuid.UUID(posted)
        except ValueError:
            return uuid.uuid4()

    def submit(self, obj):
        token = self.submission_token() if self.request.method == "POST" else None
        obj = self.create_service(obj, by=self.request.user, token=token)
        return "published" if obj.live else "pending"

    def already_submitted(self, original):
        if original is None:
            messages.info(self.request, _("This form was already sent."))
            return redirect(self.request.path)
        messages.info(self.request, _("“%(name)s” was already saved.") % {"name": original})
        return redirect(original.get_absolute_url())

    def submitted_message(self, obj, outcome):
        if outcome == "published":
            return _("“%(name)s” is published.") % {"name": obj}
        return _(
            "Thank you! “%(name)s” is saved and waiting for a moderator. Only you and the "
            "other people who manage it can see it until it is approved; we will e-mail you then."
        ) % {"name": obj}


@method_decorator(rate_limit("moderated-edit"), name="dispatch")
class ModeratedEditView(ModeratedFormMixin, FormView):
    update_service = None  # staticmethod(update_x): (obj, *, by) -> "published" | "pending"

    def may_edit(self, obj, user):
        return self.model.publishing_policy.may_edit(obj, user)

    def may_view(self, obj, user):
        return self.model.publishing_policy.may_view(obj, user)

    def get_edit_queryset(self):
        return self.model.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = get_object_or_404(self.get_edit_queryset(), slug=kwargs["slug"])
        if not self.may_edit(self.object, request.user):
            if self.may_view(self.object, request.user):
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_instance(self):
        """The latest version (the pending one, if any), on a copy the form may change freely."""
        if self.object.latest_revision_id:
            return self.object.get_latest_revision_as_object()  # a new instance, not self.object
        return self.model.objects.get(pk=self.object.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, review=review_status(self.object), **kwargs
        )

    def submit(self, obj):
        return self.update_service(obj, by=self.request.user)

    def submitted_message(self, obj, outcome):
        if outcome == "published":
            return _("Your changes are published.")
        if obj.live:  # as the edit found it under the lock: a moderator may just have approved
            return _(
                "Thank you! Your changes are waiting for a moderator. The public page shows "
                "the previous version until they are approved."
            )
        return _("Thank you! Your changes are saved and waiting for a moderator.")


# Reports ------------------------------------------------------------------------------------


@verified_email_required
@rate_limit("report")
def report(request, app_label, model_name, pk):
    subject = _reportable_or_404(app_label, model_name, pk)
    form = ReportForm(request.POST or None)
    if form.is_valid():
        _, created = report_content(
            subject,
            by=request.user,
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
        )
        messages.success(request, _thank_you(created))
        return redirect(_page_of(subject))
    context = {"form": form, "subject": subject, "kind": subject._meta.verbose_name}
    return render(request, "moderation/report_form.html", context)


def _reportable_or_404(app_label, model_name, pk):
    model = reportable_model(app_label, model_name)
    if model is None:
        raise Http404
    return get_object_or_404(reportable_queryset(model), pk=pk)


def _page_of(subject):
    if hasattr(subject, "get_absolute_url"):
        return subject.get_absolute_url()
    return "/"


def _thank_you(created):
    if created:
        return _("Thank you, moderators will look at it.")
    return _("You had already reported this. We updated your report; moderators will look at it.")


# Files of content that waits for review --------------------------------------------------------


def pending_file(request, name):
    """A file uploaded with content that is not published yet (moderation.uploads), for the
    people who may see that content; everyone else gets a 404, as for the content itself."""
    path = f"{PENDING}{name}"
    owner = _pending_file_owner(path)
    if owner is None or not owner.may_preview(request.user):
        raise Http404
    storage = _storage_of(owner)
    response = FileResponse(storage.open(path), content_type=_content_type(path))
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Robots-Tag"] = "noindex"
    return response


def _pending_file_owner(path):
    """The object whose live row or latest revision uses the file at `path`, or None."""
    for model in moderated_models():
        for field in file_fields(model):
            found = model._default_manager.filter(**{field.name: path}).first()
            if found is not None:
                return found
            # A key lookup on the revision's JSON: unlike `content__contains` (PostgreSQL
            # only), it works on the embedded SQLite too.
            revision = Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(model),
                **{f"content__{field.name}": path},
            ).first()
            if revision is not None and revision.content_object is not None:
                return revision.content_object
    return None


def _storage_of(owner):
    return next(getattr(owner, field.attname).storage for field in file_fields(type(owner)))


def _content_type(path):
    return mimetypes.guess_type(path)[0] or "application/octet-stream"
