"""What leading a cluster gives: the "Cluster leads" group, and publishing into one's own
clusters (`leads_every_cluster_of`, and `ClusterLeadsPublishingPolicy`, the events' and funding
calls' publishing policies are built on).

The "Cluster leads" group follows `Cluster.leads`: whoever leads a cluster is in it (and so
may enter the Wagtail admin to edit their clusters), and leaves it when they lead none.

Derived data kept by a signal (clusters.apps connects `on_leads_changed`): leads are changed in
the admin and in scripts, and the group must follow whichever way they change.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from moderation.policy import PublishingPolicy
from moderation.roles import is_editor, is_moderator

from .models import LEADS_GROUP, Cluster


def sync_leads_group(user_ids):
    """Put the users among `user_ids` who lead a cluster in the group, take the others out."""
    group, _ = Group.objects.get_or_create(name=LEADS_GROUP)
    users = get_user_model().objects.filter(pk__in=user_ids)
    leading = set(
        Cluster.leads.through.objects.filter(user__in=users).values_list("user", flat=True)
    )
    for user in users:
        if user.pk in leading:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def on_leads_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and not reverse:
        instance._leads_before_clear = list(instance.leads.values_list("pk", flat=True))
        return
    if not action.startswith("post_"):
        return
    if reverse:
        user_ids = [instance.pk]
    elif action == "post_clear":
        user_ids = getattr(instance, "_leads_before_clear", [])
    else:
        user_ids = list(pk_set or [])
    sync_leads_group(user_ids)


def leads_every_cluster_of(obj, user):
    """Whether `obj` (an event, a funding call: saved, or a form's or revision's copy) names at
    least one cluster and `user` leads each of them.

    A lead's word counts for their own clusters only: what names another cluster, or none (the
    whole hub), waits for review like anyone's (events.policy, funding.policy).
    """
    if not user.is_authenticated:
        return False
    named = {cluster.pk for cluster in obj.clusters.all()}
    if not named:
        return False
    led = set(Cluster.objects.led_by(user).filter(pk__in=named).values_list("pk", flat=True))
    return named <= led


class ClusterLeadsPublishingPolicy(PublishingPolicy):
    """Moderators, editors and a lead of every cluster the object names publish at once, new
    objects and edits to published ones alike; everyone else, earlier approvals or not, waits
    for review (for content that names clusters: events, funding calls)."""

    def may_publish_new(self, obj, user):
        return self._publishes(obj, user)

    def may_change_live(self, obj, user):
        return self._publishes(obj, user)

    def _publishes(self, obj, user):
        return is_moderator(user) or is_editor(user) or leads_every_cluster_of(obj, user)
