from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.tasks import clear_expired_sessions_task


def test_real_worker_runs_the_session_cleanup_task(celery_worker):
    past, future = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    Session.objects.create(session_key="expired", session_data="x", expire_date=past)
    Session.objects.create(session_key="current", session_data="x", expire_date=future)

    clear_expired_sessions_task.delay().get(timeout=30)

    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
