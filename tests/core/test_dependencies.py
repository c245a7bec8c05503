"""Dependencies point one way: the bottom apps and listings import no domain app.

Parses the source (every module, migrations included) so that a lazy import inside a function
counts as much as one at the top of a module.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_APPS = {"organisations", "projects", "clusters", "events", "funding", "stories"}
TOP_APPS = {"explore", "newsletter"}
RULES = {
    "taxonomy": DOMAIN_APPS | TOP_APPS | {"listings", "accounts", "moderation"},
    "accounts": DOMAIN_APPS | TOP_APPS | {"listings"},
    "moderation": DOMAIN_APPS | TOP_APPS | {"listings"},
    "listings": DOMAIN_APPS | TOP_APPS,
}


def imported_apps(path):
    """The top-level package of every import in the module at `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif _is_import_module_call(node):
            yield str(node.args[0].value).split(".")[0]


def _is_import_module_call(node):
    """importlib.import_module("app.module") with a literal name."""
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "import_module"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
    )


@pytest.mark.parametrize("app", sorted(RULES))
def test_app_imports_nothing_from_the_apps_above_it(app):
    forbidden = RULES[app]

    offending = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / app).rglob("*.py")
        for name in imported_apps(path)
        if name in forbidden
    )

    assert offending == []


def test_the_import_parser_sees_lazy_imports(tmp_path):
    module = tmp_path / "lazy.py"
    module.write_text("def f():\n    from organisations.models import Organisation\n")

    assert list(imported_apps(module)) == ["organisations"]


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
