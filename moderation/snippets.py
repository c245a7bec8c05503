"""The Wagtail admin of moderated snippets: one decision at a time per object.

A moderator's approve or reject, an edit saved in the admin, and an owner's edit from the site
(listings.services.update_listing and the like) each start by locking the object's row
(`lock_for_moderation`). So two decisions taken at the same moment, or a decision crossing an
owner's edit, happen one after the other: the second sees what the first did. A decision whose
task was finished or replaced meanwhile (the other moderator decided, or the owner's edit
restarted the review) is not taken: the moderator is told and nothing changes.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.models import TaskState
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, WorkflowActionView

from .richtext import ADMIN_RICH_TEXT_FEATURES
from .services import lock_for_moderation


class LockedWorkflowActionView(WorkflowActionView):
    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            self.object = lock_for_moderation(self.object)
            self.task_state = self.get_task_state()
            self.task = self.get_task()
            if not self._still_current():
                messages.warning(
                    request,
                    _(
                        "Someone else acted on “%(name)s” a moment ago, so your decision was "
                        "not applied. Here is where it stands now."
                    )
                    % {"name": self.object},
                )
                return redirect(self.redirect_url)
            return super().dispatch(request, *args, **kwargs)

    def _still_current(self):
        current = self.object.current_workflow_task_state
        return (
            self.task_state.status == TaskState.STATUS_IN_PROGRESS
            and current is not None
            and current.pk == self.task_state.pk
        )


class LockedEditView(EditView):
    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Re-read under the lock what Wagtail read in setup(): the row and its latest
            # version (an owner's edit or a decision may have landed since).
            self.live_object = lock_for_moderation(self.live_object)
            self.object = self.live_object.get_latest_revision_as_object()
            return super().post(request, *args, **kwargs)


class ModeratedSnippetViewSet(SnippetViewSet):
    """Snippet admin for a moderated model; every kind of submitted content uses it: in the
    admin menu, the latest changes first, searched by the database's own matching (no search
    index to keep fresh)."""

    edit_view_class = LockedEditView
    workflow_action_view_class = LockedWorkflowActionView
    add_to_admin_menu = True
    search_backend_name = None
    ordering = ["-updated_at"]
    list_per_page = 50


def field_group(heading, *names):
    """Admin fields shown together under `heading`."""
    return MultiFieldPanel([FieldPanel(name) for name in names], heading=heading)


def rich_text_panel(name):
    """A user-written HTML field (sanitised on save and on render, moderation.richtext) in
    Wagtail's rich-text editor with the features the sanitiser keeps, not as HTML source."""
    return FieldPanel(name, widget=get_rich_text_editor_widget(features=ADMIN_RICH_TEXT_FEATURES))
