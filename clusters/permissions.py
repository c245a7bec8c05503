"""Who may edit clusters in the Wagtail admin: editors (every cluster, through the model
permissions the Editors group holds) and each cluster's own leads (theirs only). Adding and
deleting clusters stays with superusers and whoever holds those model permissions.

A Wagtail permission policy (registered in clusters.wagtail_hooks): the snippet's list shows a
lead only their clusters, and another cluster's per-object pages (edit, delete, copy, history,
usage) are not found for them.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Cluster

LEAD_ACTIONS = frozenset({"view", "change"})


class ClusterPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in LEAD_ACTIONS and user.is_active and bool(_led_cluster_ids(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in LEAD_ACTIONS and instance.pk in _led_cluster_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(super(ClusterPermissionPolicy, self).user_has_permission(user, a) for a in actions):
            return Cluster.objects.all()
        if set(actions) & LEAD_ACTIONS:
            return Cluster.objects.filter(pk__in=_led_cluster_ids(user))
        return Cluster.objects.none()

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if set(actions) & LEAD_ACTIONS:
            leads = get_user_model().objects.filter(led_clusters__isnull=False, is_active=True)
            users = (users | leads).distinct()
        return users


def _led_cluster_ids(user):
    """The clusters `user` leads (asked once per request: kept on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_led_cluster_ids"):
        user._led_cluster_ids = frozenset(Cluster.objects.led_by(user).values_list("pk", flat=True))
    return user._led_cluster_ids
