"""When public content changes, cached pages and aggregates are out of date (core.page_cache).

Signals are the right tool here (house style: cache purges are derived work, not the main flow):
every save, delete and many-to-many change of a model in `settings.PAGE_CACHE_APPS` (except the
`PAGE_CACHE_IGNORED_MODELS`), and Wagtail's page publish, unpublish and move, bump the content
version.
A person's login (only `last_login` saved) changes nothing public and is ignored.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.content_version import bump_content_version

BOOKKEEPING_FIELDS = frozenset({"last_login"})


def shows_publicly(model):
    opts = model._meta
    return (
        opts.app_label in settings.PAGE_CACHE_APPS
        and opts.label_lower not in settings.PAGE_CACHE_IGNORED_MODELS
    )


def on_save(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if shows_publicly(sender):
        bump_after_commit()


def on_delete(sender, **kwargs):
    if shows_publicly(sender):
        bump_after_commit()


def on_links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and shows_publicly(type(instance)):
        bump_after_commit()


def on_page_change(sender, **kwargs):
    bump_after_commit()


def bump_after_commit():
    """Bump now and again after the commit: a page rendered from the old rows in between is
    not kept under the new version."""
    bump_content_version()
    transaction.on_commit(bump_content_version, robust=True)


def on_migrate(sender, **kwargs):
    bump_content_version()


def connect():
    post_save.connect(on_save, dispatch_uid="core.page_cache.save")
    post_delete.connect(on_delete, dispatch_uid="core.page_cache.delete")
    m2m_changed.connect(on_links_changed, dispatch_uid="core.page_cache.m2m")
    page_published.connect(on_page_change, dispatch_uid="core.page_cache.published")
    page_unpublished.connect(on_page_change, dispatch_uid="core.page_cache.unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="core.page_cache.moved")
