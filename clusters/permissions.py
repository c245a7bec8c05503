"""Who may edit clusters in the Wagtail admin: editors (every cluster) and each cluster's own
leads (theirs only); adding and deleting clusters stays with superusers and whoever holds the
model permissions.

A Wagtail permission policy (registered in clusters.wagtail_hooks): the snippet's list shows a
lead only their clusters, and opening another cluster's edit page is refused (403).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from moderation.roles import EDITORS_GROUP, is_editor

from .models import Cluster

LEAD_ACTIONS = frozenset({"view", "change"})


class ClusterPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in LEAD_ACTIONS and _edits_clusters(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in LEAD_ACTIONS and _is_lead_of(user, instance):
            return True
        if is_editor(user) and action in LEAD_ACTIONS:
            return True
        return super().user_has_permission(user, action) and not _only_a_lead(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if _only_a_lead(user):
            if set(actions) & LEAD_ACTIONS:
                return Cluster.objects.led_by(user)
            return Cluster.objects.none()
        return super().instances_user_has_any_permission_for(user, actions)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if set(actions) & LEAD_ACTIONS:
            extra = get_user_model().objects.filter(
                Q(led_clusters__isnull=False) | Q(groups__name=EDITORS_GROUP), is_active=True
            )
            users = (users | extra).distinct()
        return users


def _edits_clusters(user):
    return user.is_active and (is_editor(user) or _leads_any(user))


def _leads_any(user):
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_led_cluster_ids"):
        user._led_cluster_ids = frozenset(Cluster.objects.led_by(user).values_list("pk", flat=True))
    return bool(user._led_cluster_ids)


def _is_lead_of(user, cluster):
    return _leads_any(user) and cluster.pk in user._led_cluster_ids


def _only_a_lead(user):
    """A lead with no wider role: their own clusters, nothing else."""
    return _leads_any(user) and not (user.is_superuser or is_editor(user))
