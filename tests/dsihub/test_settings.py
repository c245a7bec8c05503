"""Start-up behaviour with production values, checked in a fresh process as an operator runs it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-with-enough-length-and-variety-8c1f2e9d",
    "ALLOWED_HOSTS": "hub.example.org",
    "SITE_URL": "https://hub.example.org",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ALLOWED_HOSTS"))}
    return subprocess.run(  # noqa: S603 - fixed command with our own interpreter
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout


def test_startup_refuses_without_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off" in result.stderr


def test_startup_refuses_the_placeholder_secret_key_of_env_example():
    placeholder = next(
        line.split("=", 1)[1]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line.startswith("DJANGO_SECRET_KEY=")
    )

    result = manage("check", env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": placeholder})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is still the placeholder from .env.example" in result.stderr


def test_plain_http_production_run_can_turn_off_redirect_and_secure_cookies():
    env = {**PRODUCTION_ENV, "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_COOKIES": "0"}

    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
        env=env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False False False"


def test_social_login_providers_switch_on_by_environment_only():
    show = (
        "from django.conf import settings as s; "
        "print(sorted(a for a in s.INSTALLED_APPS if '.providers.' in a))"
    )

    without = manage("shell", "-c", show, env=PRODUCTION_ENV)
    with_github = manage(
        "shell",
        "-c",
        show,
        env={**PRODUCTION_ENV, "GITHUB_CLIENT_ID": "id", "GITHUB_CLIENT_SECRET": "secret"},
    )

    assert without.stdout.strip().splitlines()[-1] == "[]"
    assert with_github.stdout.strip().splitlines()[-1] == (
        "['allauth.socialaccount.providers.github']"
    )


def test_production_policy_upgrades_insecure_requests_and_allows_social_login_forms():
    show = (
        "from django.conf import settings as s; d = s.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(d['upgrade-insecure-requests'], d['form-action'])"
    )
    env = {**PRODUCTION_ENV, "GITHUB_CLIENT_ID": "id", "GITHUB_CLIENT_SECRET": "secret"}

    result = manage("shell", "-c", show, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True [\"'self'\", 'https://github.com']"
