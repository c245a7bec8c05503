import datetime as dt
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories.stories import BlogPageFactory

pytestmark = pytest.mark.django_db


def test_scheduled_blog_post_goes_live_only_at_its_time(client, editor):
    page = BlogPageFactory(title="Tomorrow's news", slug="tomorrow", live=False)
    go_live_at = timezone.now() + dt.timedelta(seconds=3)
    page.go_live_at = go_live_at
    page.save_revision(user=editor).publish(user=editor)

    call_command("publish_scheduled")
    page.refresh_from_db()

    assert page.live is False
    assert client.get("/stories/tomorrow/").status_code == 404
    assert "Tomorrow&#x27;s news" not in client.get("/stories/").text

    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled")

    assert client.get("/stories/tomorrow/").status_code == 200
    assert "Tomorrow&#x27;s news" in client.get("/stories/").text
