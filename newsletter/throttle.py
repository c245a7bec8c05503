"""A sending rate shared by every worker: at most N messages in each wall-clock second.

Each send takes a ticket from a Redis counter for the current second (INCR, expiring after two
seconds); over the limit it sleeps to the next second and tries again. Without Redis (the
embedded default, or an outage) each process keeps the limit on its own, which errs on the slow
side only when several workers run — never faster than the ESP allows from one process.
"""

import logging
import time

import redis
from django.conf import settings

logger = logging.getLogger(__name__)


class RateLimiter:
    def __init__(self, per_second=None, *, url=None, key="newsletter:rate"):
        self.per_second = settings.NEWSLETTER_RATE_LIMIT if per_second is None else per_second
        self.key = key
        url = settings.REDIS_URL if url is None else url
        self._redis = redis.Redis.from_url(url, socket_timeout=2) if url else None
        self._local = {}

    def wait(self):
        """Block until this process may send one more message."""
        if not self.per_second:
            return
        while True:
            second = int(time.time())
            if self._take(second) <= self.per_second:
                return
            time.sleep(max(0.0, second + 1 - time.time()))

    def _take(self, second):
        if self._redis is not None:
            try:
                key = f"{self.key}:{second}"
                pipe = self._redis.pipeline()
                pipe.incr(key)
                pipe.expire(key, 2)
                return pipe.execute()[0]
            except redis.RedisError:
                logger.warning("Redis unreachable: newsletter rate limit kept per process")
        self._local = {second: self._local.get(second, 0) + 1}
        return self._local[second]
