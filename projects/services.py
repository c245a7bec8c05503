"""Registering and editing projects, and what naming a partner organisation sets off.

Naming an organisation the submitter does not belong to as a partner tells that organisation's
owners (an e-mail through the outbox, in the submission's transaction), with a link to decline.
Declining (`decline_partnership`, the organisation's owners only) removes the link from the
live project and from its pending version, and tells the project's owners and admins.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mail import absolute_url, send_emails
from listings.choices import Role
from listings.services import create_listing, update_listing
from organisations.models import Organisation

from .models import Project


@transaction.atomic
def create_project(project, *, by, token=None):
    """Register `project` (listings.services.create_listing), then tell its partners."""
    partners = list(project.organisations.all())
    create_listing(project, by=by, token=token)
    notify_new_partners(project, partners, by=by)
    return project


@transaction.atomic
def update_project(project, *, by):
    """Submit an edited `project`; the partners it newly names are told."""
    before = set(named_partner_ids(Project.objects.get(pk=project.pk)))
    partners = [o for o in project.organisations.all() if o.pk not in before]
    outcome = update_listing(project, by=by)
    notify_new_partners(project, partners, by=by)
    return outcome


def notify_new_partners(project, organisations, *, by):
    """E-mail the owners of each of `organisations` that `by` does not belong to."""
    own = set(Organisation.objects.with_member(by).values_list("pk", flat=True))
    messages = [
        (owner, _partner_context(project, organisation, by))
        for organisation in organisations
        if organisation.pk not in own
        for owner in _owners(organisation)
    ]
    return send_emails("projects/email/partner_named", messages)


@transaction.atomic
def decline_partnership(project, organisation, *, by):
    """Remove `organisation` from `project` (live and pending versions) for one of its owners;
    the project's owners and admins are told. Returns False when there was no link."""
    if not may_decline(organisation, by):
        raise PermissionDenied(_("Only the organisation’s owners can decline this link."))
    project = Project.objects.select_for_update().get(pk=project.pk)
    removed = _unlink(project, organisation)
    if removed:
        context = {"project": project, "organisation": organisation, "project_url": _url(project)}
        messages = [(person, context) for person in project.get_review_recipients()]
        send_emails("projects/email/partner_declined", messages)
    return removed


def may_decline(organisation, user):
    """Only an owner of the organisation speaks for it."""
    return organisation.memberships.filter(user=user, role=Role.OWNER).exists()


def _unlink(project, organisation):
    linked = project.organisations.filter(pk=organisation.pk).exists()
    if linked:
        project.organisations.remove(organisation)
        project.organisations.commit()
    revision = project.latest_revision
    pending = revision.content.get("organisations", []) if revision else []
    if organisation.pk in pending:
        revision.content["organisations"] = [pk for pk in pending if pk != organisation.pk]
        revision.save(update_fields=["content"])
    return linked or organisation.pk in pending


def named_partner_ids(project):
    """Every organisation the live project or its pending version names."""
    revision = project.latest_revision
    pending = revision.content.get("organisations", []) if revision else []
    return [*project.organisations.values_list("pk", flat=True), *pending]


def _owners(organisation):
    owners = organisation.memberships.filter(role=Role.OWNER).select_related("user")
    return [membership.user for membership in owners if membership.user.email]


def _partner_context(project, organisation, by):
    decline = reverse(
        "projects:project-decline-partner", kwargs={"slug": project.slug, "org": organisation.slug}
    )
    return {
        "project": project,
        "organisation": organisation,
        "named_by": by,
        "project_url": _url(project),
        "decline_url": absolute_url(decline),
    }


def _url(project):
    return absolute_url(project.get_absolute_url()) if project.live else ""
