"""The Content-Security-Policy holds in Chromium, and the browser fixture notices a violation
(every browser test fails on one: tests/support/browser.py)."""

import time

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def reported_violations(browser, *, timeout=5):
    deadline = time.monotonic() + timeout
    while not browser.csp_violations() and time.monotonic() < deadline:
        time.sleep(0.05)
    return browser.csp_violations()


def test_injected_inline_script_is_blocked_and_reported(page, browser):
    page.goto("/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
        }"""
    )

    violations = reported_violations(browser)
    assert page.evaluate("window.injected === undefined")
    assert [v["directive"] for v in violations] == ["script-src-elem"]
    violations.clear()  # seen on purpose; anything else fails the test


def test_third_party_image_is_blocked_and_reported(page, browser):
    page.goto("/accounts/login/")

    page.evaluate(
        """() => {
          const image = document.createElement("img");
          image.src = "https://tracker.example/pixel.png";
          document.body.append(image);
        }"""
    )

    violations = reported_violations(browser)
    assert [(v["directive"], v["blocked"]) for v in violations] == [
        ("img-src", "https://tracker.example/pixel.png")
    ]
    violations.clear()
