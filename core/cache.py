"""The cache backend used with REDIS_URL: Django's Redis cache that keeps answering while Redis
is unreachable.

allauth keeps its login, sign-up and password-reset rate limits in the cache (it takes a lock
with `cache.add`), django-ratelimit counts the public forms' limits there, and Wagtail caches
its site root paths there. With a plain Redis cache every one of those requests fails while
Redis is down. Here a Redis error makes the operation fall back to a local-memory cache of this
process:

- rate limits keep holding, counted per process instead of across all of them (a limit of 5
  allows up to 5 per web process) until Redis answers again;
- cached values are rebuilt per process;
- the outage is logged once (WARNING) when it starts and once (INFO) when Redis answers again;
- while Redis is down it is tried again at most every RETRY_SECONDS (the cache's own setting,
  default 30), so requests do not each wait for a connection attempt.

What was counted locally is not copied to Redis when it comes back. Sessions are kept in the
database (settings.SESSION_ENGINE), so nobody is logged out by an outage.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_RETRY_SECONDS = 30
FALLBACK_MAX_ENTRIES = 10_000


class RedisOutage:
    """Whether Redis at one location is believed down, shared by every thread of the process
    (Django makes one cache object per thread)."""

    _by_location = {}
    _lock = threading.Lock()

    def __init__(self, location, retry_seconds):
        self.location = location
        self.retry_seconds = retry_seconds
        self.retry_at = None  # monotonic time of the next attempt; None while Redis answers

    @classmethod
    def for_location(cls, location, retry_seconds):
        with cls._lock:
            if location not in cls._by_location:
                cls._by_location[location] = cls(location, retry_seconds)
            return cls._by_location[location]

    @classmethod
    def forget(cls, location):
        """Drop what this process knows about `location` (each test outage starts afresh)."""
        with cls._lock:
            cls._by_location.pop(location, None)

    def resting(self):
        """True while Redis is down and not yet due for another attempt."""
        return self.retry_at is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        if self.retry_at is None:
            logger.warning(
                "Cache: Redis is unreachable (%s: %s). Using this process's local memory until "
                "it answers again (tried every %s s); rate limits now count per process.",
                type(error).__name__,
                error,
                self.retry_seconds,
            )
        self.retry_at = time.monotonic() + self.retry_seconds

    def answered(self):
        if self.retry_at is not None:
            self.retry_at = None
            logger.info("Cache: Redis answers again; the cache is shared across processes again.")


def _resilient(name):
    """RedisCache.<name>, served from the local fallback while Redis is unreachable."""
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        fallback_method = getattr(self.fallback, name)
        if self.outage.resting():
            return fallback_method(*args, **kwargs)
        try:
            result = redis_method(self, *args, **kwargs)
        except RedisError as error:
            self.outage.failed(error)
            return fallback_method(*args, **kwargs)
        self.outage.answered()
        return result

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every operation, which costs more than the
    round trip itself with redis-py 6 and later (it builds its response-callback table each time);
    one client per connection pool is enough (redis-py clients are thread-safe)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        location = server if isinstance(server, str) else ",".join(server)
        retry_seconds = params.get("RETRY_SECONDS", DEFAULT_RETRY_SECONDS)
        self.outage = RedisOutage.for_location(location, retry_seconds)
        self.fallback = LocMemCache(
            f"redis-fallback:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "OPTIONS": {"MAX_ENTRIES": FALLBACK_MAX_ENTRIES},
            },
        )

    def ping(self):
        """Ask Redis itself (never the fallback); raises RedisError when it does not answer.
        For /healthz, which must report an outage that the pages no longer show."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self.outage.failed(error)
            raise
        self.outage.answered()

    add = _resilient("add")
    get = _resilient("get")
    set = _resilient("set")
    touch = _resilient("touch")
    delete = _resilient("delete")
    get_many = _resilient("get_many")
    has_key = _resilient("has_key")
    incr = _resilient("incr")
    set_many = _resilient("set_many")
    delete_many = _resilient("delete_many")
    clear = _resilient("clear")
