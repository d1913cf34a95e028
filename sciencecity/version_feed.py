"""Each application process learns of a new content version as it is made, instead of asking Redis on every request.

With Redis as the shared cache, every gunicorn worker runs one listener
thread (started by ``gunicorn.conf.py``) subscribed to the channel on which
``bump_content_version`` announces each new version. While the listener is
subscribed and has heard from Redis within ``LEASE_SECONDS`` (it pings every
``PING_SECONDS``), requests take the version from it; otherwise (while it
starts or reconnects, or if Redis falls silent) they read the version from
Redis as before. A request answered from the page cache then costs no round
trip at all.

Why this is as prompt as reading the version each time: Redis hands a
published message to subscribers' connections before it answers the
publisher, and the publisher reports a change only after publishing. So by the
time anyone can know of a change, each listener's socket already holds it, and
a worker's main thread gives the listener the interpreter whenever it waits
for its next request.
"""

import logging
import os
import threading
import time

from django.conf import settings

CLIENT_NAME = "sciencecity-version-listener"
PING_SECONDS = 0.5
LEASE_SECONDS = 2.0

logger = logging.getLogger(__name__)


def channel_for(redis_url: str) -> str:
    """The channel of one site's announcements: channels span a Redis server's databases, keys do not.

    Named after the database and the version's full cache key (with any key
    prefix), so sites sharing a Redis server never take each other's versions.
    """
    from django.core.cache import cache
    from redis.connection import parse_url

    from .cache import VERSION_KEY

    return f"db{parse_url(redis_url).get('db', 0)}:{cache.make_key(VERSION_KEY)}"


class VersionListener:
    """A thread that keeps the latest content version announced on the site's channel."""

    def __init__(self, redis_url: str, read_version):
        self.redis_url = redis_url
        self.channel = channel_for(redis_url)
        self.read_version = read_version
        self.version: int | None = None
        self.heard = 0.0
        self.connected = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, name="content-version-listener", daemon=True)

    def current(self) -> int | None:
        """The version announced last, or None when the listener cannot vouch for it."""
        version = self.version
        if version is None or time.monotonic() - self.heard > LEASE_SECONDS:
            return None
        return version

    def announced(self, version: int) -> None:
        """Take a version this process has just made (it need not wait for its own announcement)."""
        if self.version is not None:
            self.version = max(self.version, version)

    def run(self) -> None:
        """Listen until stopped, reconnecting after any failure with the version unknown meanwhile."""
        import redis

        delay = 0.1
        while not self.stopping.is_set():
            pubsub = None
            try:
                pubsub = redis.Redis.from_url(self.redis_url, socket_connect_timeout=2, client_name=CLIENT_NAME).pubsub()
                self.listen(pubsub)
                delay = 0.1
            except Exception:  # noqa: BLE001 - any failure: fall back to reading, then reconnect
                logger.warning("content version listener lost Redis; requests read the version meanwhile", exc_info=True)
            finally:
                self.version = None
                self.connected.clear()
                if pubsub is not None:
                    pubsub.close()
            self.stopping.wait(delay)
            delay = min(delay * 2, 5.0)

    def listen(self, pubsub) -> None:
        """Subscribe, then read the current version (so nothing announced meanwhile is missed), then follow."""
        pubsub.subscribe(self.channel)
        confirmation = pubsub.get_message(timeout=LEASE_SECONDS)
        if not confirmation or confirmation["type"] != "subscribe":
            raise ConnectionError("Redis did not confirm the subscription")
        self.heard = time.monotonic()
        self.version = self.read_version()
        self.connected.set()
        pinged = 0.0
        while not self.stopping.is_set():
            if time.monotonic() - pinged >= PING_SECONDS:
                pubsub.ping()
                pinged = time.monotonic()
            message = pubsub.get_message(timeout=PING_SECONDS)
            if message is not None:
                self.heard = time.monotonic()
                if message["type"] == "message":
                    self.version = max(self.version or 0, int(message["data"]))
            elif time.monotonic() - self.heard > LEASE_SECONDS:
                raise ConnectionError(f"no answer from Redis for {LEASE_SECONDS} s")

    def stop(self) -> None:
        """Stop listening (tests); the thread ends within ``PING_SECONDS``."""
        self.stopping.set()
        self.thread.join(timeout=5)


_listener: VersionListener | None = None
_listener_pid: int | None = None


def start_listening() -> VersionListener | None:
    """Start this process's listener (once per process), where the shared cache is Redis."""
    global _listener, _listener_pid
    if not settings.REDIS_URL:
        return None
    if _listener is None or _listener_pid != os.getpid():
        from .cache import read_content_version

        _listener, _listener_pid = VersionListener(settings.REDIS_URL, read_content_version), os.getpid()
        _listener.thread.start()
    return _listener


def stop_listening() -> None:
    """Stop this process's listener, if it runs."""
    global _listener
    if _listener is not None:
        _listener.stop()
        _listener = None


def announced_version() -> int | None:
    """The version this process's listener vouches for, or None (then read it from the cache)."""
    listener = _listener
    if listener is None or _listener_pid != os.getpid():
        return None
    return listener.current()


def announce(version: int) -> None:
    """Tell every listening process of a new version (and this one's listener at once)."""
    if not settings.REDIS_URL:
        return
    from django.core.cache import cache

    # Django's Redis cache already holds a connection pool to the same server.
    cache._cache.get_client(write=True).publish(channel_for(settings.REDIS_URL), version)
    if (listener := _listener) is not None and _listener_pid == os.getpid():
        listener.announced(version)
