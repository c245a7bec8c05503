from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.verification import verified_email_required

from .antispam import rate_limit
from .forms import ReportForm
from .reports import report_content, reportable_model, reportable_queryset


@verified_email_required
@rate_limit("report", per_user="10/h", per_ip="30/h")
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
