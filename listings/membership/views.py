"""Membership pages for organisations and projects (one set of views; the URLs pass the model).

Views translate HTTP only: listings.membership.services decides and acts. A refused rule
(MembershipError) comes back as a message next to the form or on the members page.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from core.antispam import rate_limit
from listings import access
from listings.choices import Role
from listings.kinds import listing_kind, listing_of

from . import queries, rules, services, tokens
from .forms import InvitationForm, JoinRequestForm, RoleForm, TransferForm


class ListingMembershipMixin:
    """Loads the listing named by the slug and the viewer's standing; hidden listings are 404.

    `listing_model` is given by the URL configuration (`as_view(listing_model=Organisation)`).
    Subclasses refine `check_standing` to refuse actors (PermissionDenied gives 403).
    """

    listing_model = None

    def dispatch(self, request, *args, **kwargs):
        self.listing = get_object_or_404(self.listing_model, slug=kwargs["slug"])
        self.standing = self.get_standing()
        if not self.standing.can_view(self.listing):
            raise Http404
        self.check_standing()
        return super().dispatch(request, *args, **kwargs)

    def get_standing(self):
        return access.standing(self.listing, self.request.user)

    def check_standing(self):
        pass

    def members_url(self):
        return self.listing.listing_url("members")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listing=self.listing,
            kind=listing_kind(self.listing),
            kind_label=self.listing._meta.verbose_name,
            standing=self.standing,
            members_url=self.members_url(),
            **kwargs,
        )

    def refuse(self, error):
        messages.error(self.request, error.message)
        return redirect(self.members_url())


class ManagerRequiredMixin(LoginRequiredMixin, ListingMembershipMixin):
    def check_standing(self):
        access.require_manager(self.standing)


class MembershipListView(ListingMembershipMixin, TemplateView):
    """Everyone who may see the listing sees its members; managers also get the controls."""

    template_name = "membership/membership_list.html"

    def get_standing(self):
        self.memberships = list(queries.members_for_page(self.listing))
        return access.standing(self.listing, self.request.user, memberships=self.memberships)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owners = sum(1 for member in self.memberships if member.role == Role.OWNER)
        context["rows"] = [self.row(member, owners) for member in self.memberships]
        if self.standing.can_manage:
            context["invitations"] = list(queries.open_invitations(self.listing))
            context["join_requests"] = list(queries.open_join_requests(self.listing))
        return context

    def row(self, member, owners):
        """One member and what the viewer may do to them (no queries: all from the list)."""
        row = {"membership": member, "is_viewer": member.user_id == self.request.user.pk}
        if self.standing.can_manage and member.role != Role.OWNER:
            other_role = Role.MEMBER if member.role == Role.ADMIN else Role.ADMIN
            problem = rules.role_change_problem(self.standing, member, other_role)
            row["new_role"] = None if problem else other_role
            row["can_remove"] = not rules.removal_problem(self.standing, member, owner_count=owners)
        return row


@method_decorator(rate_limit("membership-invite"), name="dispatch")
class InviteView(ManagerRequiredMixin, FormView):
    template_name = "membership/invitation_form.html"
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        days = tokens.invitation_max_age_days()
        return super().get_context_data(max_age_days=days, **kwargs)

    def form_valid(self, form):
        try:
            invitation = services.invite_member(
                self.listing,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=self.request.user,
            )
        except services.MembershipError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("We have e-mailed an invitation to %(email)s.") % {"email": invitation.email},
        )
        return redirect(self.members_url())


class CancelInvitationView(ManagerRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        invitation = get_object_or_404(self.listing.invitations, pk=kwargs["invitation_id"])
        try:
            services.cancel_invitation(invitation, by=request.user)
        except services.MembershipError as error:
            return self.refuse(error)
        messages.success(
            request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email}
        )
        return redirect(self.members_url())


@method_decorator(rate_limit("membership-join"), name="dispatch")
class JoinView(LoginRequiredMixin, ListingMembershipMixin, FormView):
    """Ask to join. Members are sent to the members page; an open request is shown as such."""

    template_name = "membership/join_request_form.html"
    form_class = JoinRequestForm

    def get(self, request, *args, **kwargs):
        if self.standing.is_member:
            messages.info(request, _("You are already a member."))
            return redirect(self.members_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        open_request = self.listing.join_requests.filter(
            user=self.request.user, decided_at__isnull=True
        ).first()
        return super().get_context_data(open_request=open_request, **kwargs)

    def form_valid(self, form):
        try:
            services.request_to_join(
                self.listing, user=self.request.user, message=form.cleaned_data["message"]
            )
        except services.MembershipError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your request to join %(name)s is sent. We will e-mail you the answer.")
            % {"name": self.listing},
        )
        return redirect(self.listing.get_absolute_url())


class JoinRequestDecisionView(ManagerRequiredMixin, View):
    """Accept or decline a request to join (`accept` is given by the URL configuration)."""

    http_method_names = ["post"]
    accept = True

    def post(self, request, *args, **kwargs):
        join_request = get_object_or_404(
            self.listing.join_requests.select_related("user"), pk=kwargs["request_id"]
        )
        decide = services.accept_join_request if self.accept else services.decline_join_request
        try:
            decide(join_request, by=request.user)
        except services.MembershipError as error:
            return self.refuse(error)
        if self.accept:
            message = _("%(person)s is now a member.")
        else:
            message = _("You declined the request from %(person)s.")
        messages.success(request, message % {"person": join_request.user})
        return redirect(self.members_url())


class RoleChangeView(ManagerRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        member = get_object_or_404(
            self.listing.memberships.select_related("user"), pk=kwargs["membership_id"]
        )
        form = RoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose admin or member."))
            return redirect(self.members_url())
        try:
            services.change_role(member, form.cleaned_data["role"], by=request.user)
        except services.MembershipError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("%(person)s is now %(role)s.")
            % {"person": member.user, "role": member.get_role_display().lower()},
        )
        return redirect(self.members_url())


class RemoveMemberView(ManagerRequiredMixin, TemplateView):
    """GET asks for confirmation; POST removes."""

    template_name = "membership/membership_remove_confirm.html"

    def get_member(self):
        return get_object_or_404(
            self.listing.memberships.select_related("user"), pk=self.kwargs["membership_id"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.get_member(), **kwargs)

    def post(self, request, *args, **kwargs):
        member = self.get_member()
        try:
            services.remove_member(member, by=request.user)
        except services.MembershipError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("%(person)s is no longer a member of %(name)s.")
            % {"person": member.user, "name": self.listing},
        )
        return redirect(self.members_url())


class LeaveView(LoginRequiredMixin, ListingMembershipMixin, TemplateView):
    """GET asks for confirmation (or explains that the owner must transfer first); POST leaves."""

    template_name = "membership/leave_confirm.html"

    def check_standing(self):
        if not self.standing.is_member:
            raise PermissionDenied(_("You are not a member."))

    def get_context_data(self, **kwargs):
        must_transfer = (
            self.standing.is_owner
            and not (
                self.listing.memberships.filter(role=Role.OWNER).exclude(user=self.request.user)
            ).exists()
        )
        return super().get_context_data(must_transfer=must_transfer, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.leave_listing(self.listing, user=request.user)
        except services.MembershipError as error:
            return self.refuse(error)
        messages.success(request, _("You left %(name)s.") % {"name": self.listing})
        if self.listing.live:
            return redirect(self.listing.get_absolute_url())
        return redirect("dashboard")


class TransferView(LoginRequiredMixin, ListingMembershipMixin, FormView):
    template_name = "membership/transfer_form.html"
    form_class = TransferForm

    def check_standing(self):
        if not self.standing.can_manage_admins:
            raise PermissionDenied(_("Only the owner can transfer ownership."))

    def get_form_kwargs(self):
        candidates = self.listing.memberships.exclude(role=Role.OWNER).select_related("user")
        return {**super().get_form_kwargs(), "memberships": candidates}

    def form_valid(self, form):
        new_owner = form.cleaned_data["new_owner"]
        try:
            services.transfer_ownership(self.listing, new_owner, by=self.request.user)
        except services.MembershipError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(person)s is now the owner of %(name)s.")
            % {"person": new_owner.user, "name": self.listing},
        )
        return redirect(self.members_url())


class InvitationView(View):
    """The page an invitation link opens: explains, then lets the invited person answer.

    Someone without an account is told to sign up with the invited address, confirm it, and
    come back to the link; a logged-in person whose verified addresses do not include the
    invited one is told why they cannot accept.
    """

    template_name = "membership/invitation_detail.html"

    def get(self, request, token):
        try:
            invitation = tokens.invitation_from_token(token)
        except tokens.InvitationLinkError as error:
            return self.render_broken(error)
        return self.render(invitation)

    def post(self, request, token):
        if not request.user.is_authenticated:
            return redirect(self.login_url())
        try:
            invitation = tokens.invitation_from_token(token)
        except tokens.InvitationLinkError as error:
            return self.render_broken(error)
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                return self.accept(invitation)
            if answer == "decline":
                return self.decline(invitation)
        except services.MembershipError as error:
            return self.render(invitation, error=error.message)
        return self.render(invitation, error=_("Choose whether to accept or decline."))

    def accept(self, invitation):
        services.accept_invitation(invitation, user=self.request.user)
        listing = listing_of(invitation)
        messages.success(
            self.request, _("Welcome! You are now a member of %(name)s.") % {"name": listing}
        )
        return redirect(listing.listing_url("members"))

    def decline(self, invitation):
        services.decline_invitation(invitation, user=self.request.user)
        listing = listing_of(invitation)
        messages.info(
            self.request, _("You declined the invitation to %(name)s.") % {"name": listing}
        )
        return redirect("/")

    def render(self, invitation, *, error=None):
        user = self.request.user
        if not invitation.is_open:
            state, status = "answered", 410
        elif not user.is_authenticated:
            state, status = "anonymous", 200
        elif invitation.email.lower() in rules.verified_emails(user):
            state, status = "ready", 200
        else:
            state, status = "mismatch", 200
        listing = listing_of(invitation)
        context = {
            "state": state,
            "invitation": invitation,
            "listing": listing,
            "kind_label": listing._meta.verbose_name,
            "error": error,
            "login_url": self.login_url(),
            "signup_url": self.signup_url(invitation),
            "members_url": listing.listing_url("members"),
        }
        return render(self.request, self.template_name, context, status=status)

    def render_broken(self, error):
        invitation = error.invitation
        context = {
            "state": error.reason,
            "max_age_days": tokens.invitation_max_age_days(),
            "invitation": invitation,
            "listing": listing_of(invitation) if invitation else None,
        }
        status = 410 if error.reason == "expired" else 404
        return render(self.request, self.template_name, context, status=status)

    def login_url(self):
        return f"{reverse('account_login')}?{urlencode({'next': self.request.path})}"

    def signup_url(self, invitation):
        query = urlencode({"email": invitation.email, "next": self.request.path})
        return f"{reverse('account_signup')}?{query}"
