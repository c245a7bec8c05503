from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from core.antispam import rate_limit

from . import queries
from .deletion import deletion_blockers
from .export import export_filename, export_user_data_json
from .forms import DeleteAccountForm, ProfileForm, UserLinkFormSet
from .sections import dashboard_sections, profile_sections
from .services import delete_account, save_profile
from .verification import verified_email_required

User = get_user_model()
REPORT_LINK_TEMPLATE = "components/report_link.html"


def _optional_template(name):
    """`name` if that template exists (it belongs to another part of the hub), else None."""
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name


class PersonDetailView(DetailView):
    """A person's public profile. Deactivated accounts and accounts without a verified e-mail
    address have none (ids are sequential: unverified sign-ups must not become pages)."""

    queryset = User.objects.active().verified().for_profile()
    context_object_name = "person"
    template_name = "accounts/user_detail.html"

    def get_object(self, queryset=None):
        # Looked up here rather than in DetailView so that django-zeal tells this lookup apart
        # from the logged-in user's own (it attributes queries to the first frame of our code).
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = profile_sections(self.object)
        context["report_link_template"] = _optional_template(REPORT_LINK_TEMPLATE)
        return context


person_detail = PersonDetailView.as_view()
person_detail.cache_for_visitors = True  # the same page for every anonymous visitor


@verified_email_required
def profile_edit(request):
    # A fresh copy: an invalid form must not leave typed values on request.user (the header).
    person = User.objects.select_related("city").get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    links = UserLinkFormSet(request.POST or None, instance=person, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        save_profile(form, links)
        messages.success(request, _("Your profile has been saved."))
        return redirect(person)
    return render(request, "accounts/user_form.html", {"form": form, "links": links})


@login_required
def dashboard(request):
    context = {
        "sections": dashboard_sections(request.user),
        "reports": queries.reports_made(request.user),
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
@rate_limit("account-export")
def account_export(request):
    """GET explains what the file holds; POST downloads it."""
    if request.method != "POST":
        return render(request, "accounts/user_export.html")
    response = HttpResponse(
        export_user_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename()}"'
    return response


@login_required
@rate_limit("account-delete")
def account_delete(request):
    blocking = deletion_blockers(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blocking and form.is_valid():
        try:
            delete_account(request.user, confirmed_email=form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account and your data have been deleted."))
            return redirect("/")
    return render(request, "accounts/user_delete.html", {"form": form, "blocking": blocking})


def admin_login(request, *, admin_home, can_enter):
    """The Wagtail and Django admin login pages lead to the hub's own login (allauth), which
    holds the rate limits and the e-mail verification; `next` brings people back to the admin.

    Someone logged in whom the admin turns away sees "Access denied" rather than a login form:
    no admin page ever checks a password, so none can tell whether it was right.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = admin_home
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, login_url=reverse("account_login"))
    if can_enter(request):
        return redirect(next_url)
    raise PermissionDenied


def can_enter_wagtail_admin(request):
    return request.user.has_perm("wagtailadmin.access_admin")
