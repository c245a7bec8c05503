"""With Redis unreachable (REDIS_URL at a closed port) the hub keeps serving: pages, login,
sign-up and form posts work on this process's local-memory cache, rate limits still hold (per
process), and the outage is logged once. When Redis answers again it is used again."""

import logging
import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from accounts.models import User
from core.cache import RedisOutage
from moderation.models import Report
from tests.accounts.test_profile import profile_data
from tests.accounts.test_signup import SIGNUP
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.support.mail import free_port
from tests.support.redis import closed_port_url, resilient_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    location = closed_port_url()
    settings.CACHES = resilient_cache(location)
    yield location
    cache.clear()  # the fallback's counters, while the closed port is still configured
    RedisOutage.forget(location)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_pages_load_while_redis_is_down(client, redis_down):
    home = client.get("/")
    login = client.get("/accounts/login/")

    assert home.status_code == 200
    assert "DSI Hub" in home.text
    assert login.status_code == 200
    assert 'name="password"' in login.text


def test_login_works_while_redis_is_down(client, redis_down):
    UserFactory(email="grace@example.org", first_name="Grace", last_name="Hopper")

    response = client.post(
        "/accounts/login/",
        {"login": "grace@example.org", "password": DEFAULT_PASSWORD},
        follow=True,
    )

    assert logged_in(client)
    assert '<span class="account-name">Grace Hopper</span>' in response.text


def test_signup_works_while_redis_is_down(client, redis_down, mailbox):
    response = client.post("/accounts/signup/", SIGNUP, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    assert User.objects.filter(email="ada@example.org").exists()
    assert len(mailbox.wait_for("ada@example.org")) == 1


def test_rate_limited_forms_work_while_redis_is_down(client, redis_down):
    me = UserFactory(first_name="Ada")
    person = UserFactory()
    client.force_login(me)

    profile = client.post("/account/profile/", profile_data(job_title="Analyst"))
    export = client.post("/account/export/")
    report = client.post(f"/report/accounts/user/{person.pk}/", {"reason": "spam", "text": "Ads."})

    me.refresh_from_db()
    assert profile.status_code == 302
    assert me.job_title == "Analyst"
    assert export["Content-Type"] == "application/json; charset=utf-8"
    assert report.status_code == 302
    assert Report.objects.filter(reporter=me).count() == 1


def test_failed_logins_stay_limited_while_redis_is_down(client, redis_down):
    UserFactory(email="grace@example.org")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "grace@example.org", "password": "nope"})

    response = client.post(
        "/accounts/login/", {"login": "grace@example.org", "password": DEFAULT_PASSWORD}
    )

    assert "Too many failed login attempts" in response.text
    assert not logged_in(client)


def test_redis_outage_is_logged_once(client, redis_down, caplog):
    caplog.set_level(logging.INFO, logger="core.cache")
    UserFactory(email="grace@example.org")

    for _ in range(3):
        client.get("/")
        client.post("/accounts/login/", {"login": "grace@example.org", "password": "nope"})

    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1
    assert warnings[0].levelname == "WARNING"
    assert "Redis is unreachable" in warnings[0].getMessage()
    assert "rate limits now count per process" in warnings[0].getMessage()


class RedisServer:
    """A redis-server of this test's own, without persistence, that can be stopped and started."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed command, our own port
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def own_redis(settings):
    if not shutil.which("redis-server"):
        pytest.skip("needs the redis-server program")
    server = RedisServer()
    server.start()
    settings.CACHES = resilient_cache(server.url, RETRY_SECONDS=0)
    yield server
    RedisOutage.forget(server.url)
    if server.process.poll() is None:
        server.stop()


def test_cache_is_shared_again_once_redis_answers(own_redis, caplog):
    caplog.set_level(logging.INFO, logger="core.cache")
    cache.set("greeting", "from redis")

    own_redis.stop()
    during = cache.get("greeting")
    cache.set("greeting", "kept in this process")
    kept = cache.get("greeting")
    own_redis.start()
    cache.set("greeting", "in redis again")

    in_redis = redis.Redis.from_url(own_redis.url).keys("*greeting*")
    assert (during, kept) == (None, "kept in this process")
    assert cache.get("greeting") == "in redis again"
    assert len(in_redis) == 1
    assert [r.levelname for r in caplog.records if r.name == "core.cache"] == ["WARNING", "INFO"]


@pytest.fixture
def broker_down(redis_down, settings):
    """The Celery broker and result store at the closed port too: tasks cannot be queued."""
    from dsihub.celery import app

    previous = app.conf.broker_url, app.conf.result_backend, app.conf.task_always_eager
    app.conf.update(broker_url=redis_down, result_backend=redis_down, task_always_eager=False)
    drop_broker_connections(app)
    settings.EMAIL_BACKEND = "accounts.outbox.OutboxBackend"
    try:
        yield
    finally:
        app.conf.update(broker_url=previous[0], result_backend=previous[1])
        app.conf.task_always_eager = previous[2]
        drop_broker_connections(app)


def drop_broker_connections(app):
    """Forget the app's broker connections and result store so the next task uses the current URLs.

    `app.pool.force_close_all()` alone would leave kombu's shared pool closed for good ("Acquire
    on closed pool" in every later test, eager tasks included), and the result store made for the
    closed port would give up reconnecting; this is what Celery does after a fork.
    """
    import threading

    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local = threading.local()


def test_a_listing_submission_works_and_its_mail_waits_while_redis_is_down(
    client, broker_down, owner, django_capture_on_commit_callbacks
):
    from post_office.models import STATUS, Email

    from organisations.models import Organisation
    from tests.factories.listings import OrganisationFactory
    from tests.support.forms import organisation_data

    organisation = OrganisationFactory(name="Open Commons", owner=owner)
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post("/organisations/new/", organisation_data(name="Fab Lab Lisboa"))
        invited = client.post(
            organisation.listing_url("invite"), {"email": "lin@example.org", "role": "member"}
        )

    assert (created.status_code, invited.status_code) == (302, 302)
    assert Organisation.objects.filter(name="Fab Lab Lisboa").exists()
    waiting = Email.objects.get(to=["lin@example.org"])
    assert waiting.status == STATUS.queued  # sent by the worker once the broker is back
