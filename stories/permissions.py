"""Who may change resources in the Wagtail admin.

Editors and moderators hold the model permissions and change any resource. Cluster leads hold
`change_resource` only so that they can keep working on what they submitted: this policy
narrows it to their own resources that are not published yet (a draft, one waiting for review
or sent back with changes requested). Publishing stays a model permission (stories 0007), so a
lead's resource always goes through "Resource review".
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import Resource

OWN_ACTIONS = frozenset({"change"})
EVERY_RESOURCE = frozenset({"publish", "lock", "unlock"})


class ResourcePermissionPolicy(ModelPermissionPolicy):
    def _holds_for_all(self, user):
        """Whether `user` changes every resource (editors, moderators), not just their own."""
        return any(
            super(ResourcePermissionPolicy, self).user_has_permission(user, action)
            for action in EVERY_RESOURCE
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission(user, action):
            return False
        if action not in OWN_ACTIONS or self._holds_for_all(user):
            return True
        return instance.submitted_by_id == user.pk and not instance.live

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) - OWN_ACTIONS or self._holds_for_all(user):
            return instances
        return instances.filter(submitted_by=user, live=False)


def resource_permission_policy():
    return ResourcePermissionPolicy(Resource)
