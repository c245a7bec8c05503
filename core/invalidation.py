"""When public content changes, cached pages and aggregates are out of date (core.page_cache).

Each app says which of its models public pages show, from its `AppConfig.ready()` (or its
`registrations.py`): `register_public_content("events")`, or with bookkeeping models left out,
`register_public_content("organisations", ignoring=["organisations.claim"])`. An app may name a
third-party app whose rows it shows (taggit's tags, Wagtail's images and documents); registering
the same app twice changes nothing.

Signals are the right tool here (house style: cache purges are derived work, not the main flow):
every save, delete and many-to-many change of a registered model, and Wagtail's page publish,
unpublish and move, bump the content version. A person's login (only `last_login` saved)
changes nothing public and is ignored.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .content_version import bump_content_version

BOOKKEEPING_FIELDS = frozenset({"last_login"})

_public_apps = set()
_ignored_models = set()
_public_models = set()


def register_public_content(*app_labels, ignoring=()):
    """A save or delete of a model of these apps changes what public pages show, except the
    models in `ignoring` ("app_label.model_name")."""
    _public_apps.update(app_labels)
    _ignored_models.update(label.lower() for label in ignoring)


def register_public_models(*labels):
    """Single models of an app that is not public content as a whole whose rows public pages
    still show ("wagtailcore.site": the host of the pages' addresses)."""
    _public_models.update(label.lower() for label in labels)


def public_apps():
    """The registered app labels (for the documentation and the tests)."""
    return frozenset(_public_apps)


def shows_publicly(model):
    opts = model._meta
    if opts.label_lower in _public_models:
        return True
    return opts.app_label in _public_apps and opts.label_lower not in _ignored_models


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
    """Caches keep pickled model instances under the content version; a release runs `migrate`,
    and a new version then keeps the old code's objects from being read back."""
    bump_content_version()


def connect():
    post_save.connect(on_save, dispatch_uid="core.page_cache.save")
    post_delete.connect(on_delete, dispatch_uid="core.page_cache.delete")
    m2m_changed.connect(on_links_changed, dispatch_uid="core.page_cache.m2m")
    page_published.connect(on_page_change, dispatch_uid="core.page_cache.published")
    page_unpublished.connect(on_page_change, dispatch_uid="core.page_cache.unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="core.page_cache.moved")
    post_migrate.connect(on_migrate, dispatch_uid="core.migrate")
