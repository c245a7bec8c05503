"""Playwright driving the system Chromium against pytest-django's live_server, plus axe checks."""

import os
import re
import shutil
from contextlib import ExitStack

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERIOUS = {"serious", "critical"}
# Tabs reach only the live server: map tiles and other third-party requests are aborted, as the
# network is closed to tests anyway.
OFFSITE = re.compile(r"^https?://(?!127\.0\.0\.1|localhost)")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI and was not found at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_tab(browser, live_server):
    """Open a fresh browser tab (own cookies: another person) whose relative URLs go to the live
    server. Every context opened is closed after the test, whether it passed or failed."""
    with ExitStack() as contexts:

        def open_tab(*, javascript=True):
            context = browser.new_context(
                base_url=live_server.url, locale="en-GB", java_script_enabled=javascript
            )
            contexts.callback(context.close)
            context.set_default_timeout(10_000)
            context.route(OFFSITE, lambda route: route.abort())
            return context.new_page()

        yield open_tab


@pytest.fixture
def page(new_tab):
    """A fresh browser tab (own cookies) whose relative URLs go to the live server."""
    return new_tab()


def axe_violations(page):
    """Serious and critical axe-core violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in SERIOUS]


def assert_accessible(page):
    violations = axe_violations(page)
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert violations == [], f"axe found serious/critical problems on {page.url}:\n{report}"
