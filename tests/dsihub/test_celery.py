from datetime import timedelta

import pytest
from celery import Celery
from celery.schedules import crontab
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from accounts.tasks import clear_expired_sessions_task
from core.clock import utc_now
from core.schedule import forget_periodic_task, register_periodic_task
from dsihub.celery import add_registered_periodic_tasks
from dsihub.celery import app as celery_app


def test_real_worker_runs_the_session_cleanup_task(celery_worker):
    past, future = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    Session.objects.create(session_key="expired", session_data="x", expire_date=past)
    Session.objects.create(session_key="current", session_data="x", expire_date=future)

    clear_expired_sessions_task.delay().get(timeout=30)

    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]


# What beat runs, and when: every app's entries, registered from its AppConfig.ready().
EXPECTED_BEAT_SCHEDULE = {
    "clear-expired-sessions": ("accounts.clear_expired_sessions", crontab(hour=3, minute=17)),
    "send-due-mail": ("accounts.send_due_messages", 60.0),
    "refresh-event-occurrences": ("events.refresh_occurrences", crontab(minute=7)),
    "request-listing-confirmations": (
        "listings.request_confirmations",
        crontab(day_of_week="mon", hour=6, minute=30),
    ),
    "send-funding-deadline-reminders": (
        "funding.send_deadline_reminders",
        crontab(hour=7, minute=5),
    ),
    "roll-over-funding-deadlines": ("funding.roll_over_deadlines", crontab(hour=0, minute=1)),
    "publish-scheduled-pages": ("stories.publish_scheduled", crontab(minute="*")),
    "dispatch-newsletter-issues": ("newsletter.dispatch_due_issues", 60.0),
    "create-next-newsletter-issue": (
        "newsletter.create_next_issue",
        crontab(day_of_month=25, hour=8, minute=0),
    ),
    "queue-weekly-event-digest": (
        "newsletter.queue_weekly_digest",
        crontab(day_of_week="mon", hour=7, minute=0, nowfun=utc_now),
    ),
    "purge-unconfirmed-subscribers": ("newsletter.purge_unconfirmed", crontab(hour=4, minute=11)),
    "write-open-data-snapshot": ("opendata.write_snapshot", crontab(hour=2, minute=41)),
}


def finalized_beat_schedule():
    celery_app.finalize()
    return celery_app.conf.beat_schedule


def test_beat_runs_every_entry_the_apps_registered_and_nothing_else():
    schedule = finalized_beat_schedule()

    assert {name: (entry["task"], entry["schedule"]) for name, entry in schedule.items()} == (
        EXPECTED_BEAT_SCHEDULE
    )
    # Every task beat sends exists on the worker (which imports every app's tasks module).
    celery_app.autodiscover_tasks(force=True)
    assert {entry["task"] for entry in schedule.values()} <= set(celery_app.tasks)
    assert settings.CELERY_TIMEZONE == "Europe/Brussels"
    assert not hasattr(settings, "CELERY_BEAT_SCHEDULE")


def test_the_weekly_digest_keeps_its_utc_clock():
    digest = finalized_beat_schedule()["queue-weekly-event-digest"]["schedule"]

    assert digest.nowfun is utc_now


def test_an_entry_an_app_registers_reaches_beat_with_its_options():
    schedule = crontab(hour=2, minute=45)
    register_periodic_task("test-h2-entry", "core.run_job", schedule, queue="slow", expires=600)
    try:
        # A fresh Celery app configured like ours, as `celery beat` builds it at start-up.
        fresh = Celery("dsihub-test", set_as_current=False)
        fresh.config_from_object("django.conf:settings", namespace="CELERY")
        fresh.on_after_finalize.connect(add_registered_periodic_tasks)
        fresh.finalize()

        entry = fresh.conf.beat_schedule["test-h2-entry"]
        assert (entry["task"], entry["schedule"]) == ("core.run_job", schedule)
        assert entry["options"] == {"queue": "slow", "expires": 600}
        assert set(fresh.conf.beat_schedule) == set(EXPECTED_BEAT_SCHEDULE) | {"test-h2-entry"}
    finally:
        forget_periodic_task("test-h2-entry")


def test_one_name_for_two_different_entries_is_refused_at_start_up():
    register_periodic_task("send-due-mail", "accounts.send_due_messages", 60.0)  # the same: fine

    with pytest.raises(ImproperlyConfigured, match="send-due-mail"):
        register_periodic_task("send-due-mail", "accounts.clear_expired_sessions", 60.0)
