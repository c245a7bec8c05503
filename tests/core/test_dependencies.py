"""Dependencies point one way (core.layering reads every module, migrations included).

- No app imports another that imports it back, directly or round a loop.
- Foundation apps (the kernel, accounts, taxonomy, moderation, listings) neither import nor name
  a content app: no model label, template path, Celery task, log action, URL name or salt of
  one, in their modules or their templates. A kind registers what it adds instead.
- Among the foundation apps each imports only those below it; nothing imports the configuration
  package or the demo data.
- docs/architecture.md shows the graph the code has (regenerate: `manage.py import_graph --write`).
"""

from pathlib import Path

import pytest

from core import layering

ROOT = Path(__file__).resolve().parents[2]
CONTENT_APPS = {
    "organisations",
    "projects",
    "clusters",
    "events",
    "funding",
    "stories",
    "newsletter",
    "explore",
    "dsiindex",
    "opendata",
    "dsi4eu",
    "demo",
}
#: Each foundation app and the apps it may import (the ones below it).
FOUNDATION = {
    "core": set(),
    "taxonomy": {"core"},
    "accounts": {"core", "taxonomy"},
    "moderation": {"core", "taxonomy", "accounts"},
    "listings": {"core", "taxonomy", "accounts", "moderation"},
}
#: The template folders of foundation apps whose name differs from the app's.
TEMPLATE_DIRS = {
    "accounts": ["accounts", "account", "email"],
    "listings": ["listings", "membership"],
}
TOP = {"dsihub", "demo"}  # configuration and demo data: they import everything, nothing them


def test_the_app_list_knows_every_app():
    assert set(layering.our_apps(ROOT)) == CONTENT_APPS | set(FOUNDATION) | {"dsihub"}


def test_no_app_imports_an_app_that_imports_it_back():
    graph = layering.import_graph(root=ROOT)

    assert layering.cycles(graph) == []


@pytest.mark.parametrize("app", sorted(FOUNDATION))
def test_foundation_app_neither_imports_nor_names_a_content_app(app):
    apps = layering.our_apps(ROOT)

    offending = [
        str(reference)
        for reference in layering.app_references(
            app, apps, names=True, template_dirs=TEMPLATE_DIRS.get(app), root=ROOT
        )
        if reference.target in CONTENT_APPS
    ]

    assert offending == []


@pytest.mark.parametrize("app", sorted(FOUNDATION))
def test_foundation_app_imports_only_the_apps_below_it(app):
    apps = layering.our_apps(ROOT)

    imported = {ref.target for ref in layering.app_references(app, apps, root=ROOT)}

    assert imported - FOUNDATION[app] == set()


def test_nothing_imports_the_configuration_or_the_demo_data():
    graph = layering.import_graph(root=ROOT)

    importers = sorted(app for app, targets in graph.items() if targets & TOP)

    assert importers == []


def test_the_architecture_picture_matches_the_code():
    document = (ROOT / "docs" / "architecture.md").read_text()

    committed = layering.committed_block(document)

    assert committed == layering.generated_block(layering.import_graph(root=ROOT)), (
        "docs/architecture.md is out of date: run `manage.py import_graph --write`"
    )


# The checker itself, on deliberate violations ---------------------------------------------------


def fake_tree(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_the_checker_sees_a_lazy_import_and_import_module(tmp_path):
    root = fake_tree(
        tmp_path,
        {
            "listings/apps.py": "",
            "events/apps.py": "",
            "listings/lazy.py": (
                "import importlib\n\n"
                "def f():\n"
                "    from events.models import Event\n"
                "    return importlib.import_module('events.feeds')\n"
            ),
        },
    )

    references = list(layering.app_references("listings", ["listings", "events"], root=root))

    assert [(ref.target, ref.where) for ref in references] == [
        ("events", "listings/lazy.py:4"),
        ("events", "listings/lazy.py:5"),
    ]


def test_the_checker_fails_a_foundation_app_naming_a_content_apps_model_template_and_task(
    tmp_path,
):
    root = fake_tree(
        tmp_path,
        {
            "listings/apps.py": "",
            "organisations/apps.py": "",
            "listings/confirmation.py": (
                '"""Docstrings may mention organisations/email/anything."""\n'
                'MODEL = "organisations.Organisation"\n'
                'send_email("organisations/email/confirm_request")\n'
                '@shared_task(name=f"organisations.request_confirmations")\n'
                "def task(): ...\n"
            ),
            "templates/listings/list.html": "{% url 'organisations:organisation-list' %}\n",
        },
    )

    references = layering.app_references(
        "listings", ["listings", "organisations"], names=True, root=root
    )

    assert sorted(str(ref) for ref in references) == [
        "listings/confirmation.py:2: listings names 'organisations.Organisation'",
        "listings/confirmation.py:3: listings names 'organisations/email/confirm_request'",
        "listings/confirmation.py:4: listings names 'organisations.request_confirmations'",
        "templates/listings/list.html:1: listings names 'organisations:'",
    ]


def test_the_checker_finds_a_cycle_round_three_apps():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    assert layering.cycles(graph) == [["a", "b", "c"]]


def test_every_transactional_test_restores_the_migrated_data():
    """A transactional test without serialized rollback ends with a flush that recreates content
    types with new ids, and the next test's restore then fails: ask for both together."""
    offending = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "tests").rglob("test_*.py")
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "django_db(transaction=True" in line.replace(" ", "")
        and "serialized_rollback" not in line
    ]

    assert offending == []
