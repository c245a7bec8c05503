"""Membership URLs of a kind of listing, mounted in that kind's URL namespace.

`patterns_for(Organisation)` gives /organisations/<slug>/members/ and the rest, named
"<kind>-<action>", e.g. "organisations:organisation-invite"; projects use the same.
"""

from django.urls import path

from . import views


def patterns_for(listing_model):
    kind = listing_model._meta.model_name

    def route(pattern, view, name, **initkwargs):
        return path(
            f"<slug:slug>/{pattern}",
            view.as_view(listing_model=listing_model, **initkwargs),
            name=f"{kind}-{name}",
        )

    return [
        route("members/", views.MembershipListView, "members"),
        route("members/invite/", views.InviteView, "invite"),
        route(
            "members/invitations/<int:invitation_id>/cancel/",
            views.CancelInvitationView,
            "invitation-cancel",
        ),
        route("members/transfer/", views.TransferView, "transfer"),
        route("members/<int:membership_id>/role/", views.RoleChangeView, "member-role"),
        route("members/<int:membership_id>/remove/", views.RemoveMemberView, "member-remove"),
        route("join/", views.JoinView, "join"),
        *(
            route(
                f"join-requests/<int:request_id>/{decision}/",
                views.JoinRequestDecisionView,
                f"join-request-{decision}",
                accept=decision == "accept",
            )
            for decision in ("accept", "decline")
        ),
        route("leave/", views.LeaveView, "leave"),
    ]
