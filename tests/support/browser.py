"""Playwright driving the system Chromium against pytest-django's live_server, plus axe checks.

Every browser context opened through the `browser` fixture reports Content-Security-Policy
violations (the `securitypolicyviolation` event, in every frame and after every navigation);
a browser test with any violation fails (`pytest_runtest_call` below).
"""

import contextlib
import os
import re
import shutil
from contextlib import ExitStack

import pytest

from tests.support.serialized_rollback import reattach_serialized_contents

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
CSP_BINDING = "__dsihubCspViolation"
CSP_LISTENER = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
  window.{CSP_BINDING}?.({{
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    where: `${{event.sourceFile}}:${{event.lineNumber}}`,
    sample: event.sample,
    page: document.location.href,
  }});
}});
"""


class CspWatch:
    """Collects the CSP violations of every context it watches."""

    def __init__(self):
        self.violations = []
        self.contexts = []

    def watch(self, context):
        self.contexts.append(context)
        context.expose_binding(CSP_BINDING, lambda source, violation: self.record(violation))
        context.add_init_script(CSP_LISTENER)

    def record(self, violation):
        self.violations.append(violation)


class WatchedBrowser:
    """The Playwright browser, whose new contexts report CSP violations to `self.csp`."""

    def __init__(self, browser):
        self._browser = browser
        self.csp = CspWatch()

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        if kwargs.get("java_script_enabled", True):  # without JavaScript nothing can report
            self.csp.watch(context)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def csp_violations(self):
        """What was reported so far; asks each open page for a round trip first, so reports
        still on their way from the browser arrive."""
        for context in self._browser.contexts:
            if context not in self.csp.contexts:
                continue  # JavaScript off: evaluate() would wait for ever
            for tab in context.pages:
                with contextlib.suppress(Exception):
                    tab.evaluate("0")
        return self.csp.violations


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
        reattach_serialized_contents()  # Playwright's event loop gave this thread new connections
        yield WatchedBrowser(chromium)
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a browser test whose pages violated the Content-Security-Policy."""
    browser = item.funcargs.get("browser")
    if isinstance(browser, WatchedBrowser):
        browser.csp.violations.clear()
    result = yield
    if isinstance(browser, WatchedBrowser):
        violations = browser.csp_violations()
        report = "\n".join(_describe(violation) for violation in violations)
        assert violations == [], f"Content-Security-Policy violations:\n{report}"
    return result


def _describe(violation):
    blocked = violation["blocked"] or violation["sample"]
    return (
        f"{violation['directive']} blocked {blocked!r} at {violation['where']} "
        f"on {violation['page']}"
    )
