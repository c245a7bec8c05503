"""Template tags for the membership panel and pages (components/membership_panel.html)."""

from django import template

from listings import access

register = template.Library()


@register.simple_tag
def listing_url(listing, name, **kwargs):
    """{% listing_url listing "members" %} → the listing's membership URL of that name."""
    return listing.listing_url(name, **kwargs)


@register.simple_tag
def membership_panel_state(listing, viewer):
    """What the membership panel shows `viewer` about `listing`, in at most two queries.

    The viewer's membership comes from `listing.memberships` when prefetched (else one query);
    then one query at most: pending requests to join for managers, the viewer's open request
    for other logged-in people (plus the "Moderators" group check for non-managers).
    """
    standing = access.standing(listing, viewer)
    state = {
        "membership": standing.membership,
        "is_member": standing.is_member,
        "is_owner": standing.is_owner,
        "can_manage": False,
        "pending_requests": 0,
        "open_request": None,
    }
    if not viewer.is_authenticated:
        return state
    state["can_manage"] = standing.can_manage
    if standing.can_manage:
        state["pending_requests"] = listing.join_requests.filter(decided_at__isnull=True).count()
    elif not standing.is_member:
        state["open_request"] = listing.join_requests.filter(
            user=viewer, decided_at__isnull=True
        ).first()
    return state
