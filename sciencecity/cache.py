"""One version number for all published content, so every cache built from content expires together.

Publishing, unpublishing, moving or deleting a page, or saving a snippet or
setting that pages show, bumps the version (see ``signals.py``); cache keys
include it, so nothing built before the change is ever read again. Cheaper
and safer than tracking which page shows what.

Since a versioned key's value never changes, each process also keeps the
values it reads in its own memory (the ``local`` cache, configured when the
shared cache is Redis): a request then asks Redis for the version once and for
nothing else it has read before, and a change made by any process still shows
everywhere at the next request. Where each process is told of new versions as
they are made (``version_feed.py``, in gunicorn's workers), it asks Redis for
nothing at all.
"""

import contextlib
import contextvars
import time

from django.conf import settings
from django.core.cache import cache, caches

from .version_feed import announce, announced_version

VERSION_KEY = "sciencecity:content-version"


# Within one request the version is read once (see ``one_version_per_request``).
_request_version = contextvars.ContextVar("request_version", default=None)


def content_version() -> int:
    """The current content version: this request's, else the one announced to this process, else Redis's."""
    remembered = _request_version.get()
    if remembered is not None and remembered["version"] is not None:
        return remembered["version"]
    version = announced_version()
    if version is None:
        version = read_content_version()
    if remembered is not None:
        remembered["version"] = version
    return version


def read_content_version() -> int:
    """The version as the shared cache holds it, starting one on a cold cache."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, first_version(), timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def first_version() -> int:
    """A starting version above any an emptied cache (a restarted Redis) had reached: the time in milliseconds.

    A process's own memory may still hold values under old versions; a new
    count from 1 could meet them again.
    """
    return int(time.time() * 1000)


def bump_content_version() -> None:
    """Make every cache built from content stale, in every process."""
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:
        # Not in the cache (cold or evicted): start from a number no earlier version reached.
        version = first_version()
        cache.set(VERSION_KEY, version, timeout=None)
    announce(version)
    remembered = _request_version.get()
    if remembered is not None:
        remembered["version"] = version


@contextlib.contextmanager
def one_version_per_request():
    """Within the block (a request), read the content version from the shared cache at most once."""
    token = _request_version.set({"version": None})
    try:
        yield
    finally:
        _request_version.reset(token)


def versioned_key(*parts) -> str:
    """A cache key that a content change invalidates."""
    return ":".join(["sciencecity", f"v{content_version()}", *map(str, parts)])


DATA_TIMEOUT = 60 * 60


def cached(key_parts: tuple, build, timeout=DATA_TIMEOUT):
    """``build()``'s value, cached until content changes or ``timeout`` seconds pass.

    ``timeout`` may be a function of the value, for data that changes with
    time (a workshop passing from upcoming to past): it gives the seconds the
    value stays right.
    """
    key = versioned_key(*key_parts)
    entry = _get_entry(key)
    if entry is not None:
        _note_expiry(entry[0])
        return entry[1]
    value = build()
    seconds = timeout(value) if callable(timeout) else timeout
    if seconds is None or seconds > 0:
        set_fresh(key, value, seconds)
    _note_expiry(time.time() + max(seconds, 0) if seconds is not None else None)
    return value


def set_fresh(key: str, value, seconds: int | None) -> None:
    """Cache ``value`` for ``seconds``, noting when it goes stale (not all backends keep time with us)."""
    expires = time.time() + seconds if seconds is not None else None
    cache.set(key, (expires, value), seconds)
    if (local := _local_cache()) is not None:
        local.set(key, (expires, value), seconds if seconds is not None else DATA_TIMEOUT)


def get_fresh(key: str):
    """A value cached with ``set_fresh``, or None once it has gone stale, whatever the backend's own expiry."""
    entry = _get_entry(key)
    return None if entry is None else entry[1]


def _get_entry(key: str) -> tuple | None:
    """``(expires, value)`` as ``set_fresh`` stored it, or None if missing or stale."""
    local = _local_cache()
    entry = local.get(key) if local is not None else None
    if entry is None:
        entry = cache.get(key)
        if entry is not None and local is not None:
            left = entry[0] - time.time() if entry[0] is not None else DATA_TIMEOUT
            if left > 0:
                local.set(key, entry, left)
    if entry is None or (entry[0] is not None and time.time() >= entry[0]):
        return None
    return entry


def _local_cache():
    """This process's own cache of versioned values, where the shared cache is elsewhere (Redis)."""
    return caches["local"] if "local" in settings.CACHES else None


# What is built from cached values (a rendered block, say) may be kept only as
# long as the shortest-lived of them: ``cached`` reports each value's expiry here.
_earliest_expiry = contextvars.ContextVar("earliest_expiry", default=None)


@contextlib.contextmanager
def tracking_expiry():
    """Within the block, note the earliest expiry (a timestamp, or None) of every ``cached`` value used."""
    noted = {"expires": None}
    token = _earliest_expiry.set(noted)
    try:
        yield noted
    finally:
        _earliest_expiry.reset(token)
        _note_expiry(noted["expires"])


def _note_expiry(expires: float | None) -> None:
    noted = _earliest_expiry.get()
    if noted is not None and expires is not None and (noted["expires"] is None or expires < noted["expires"]):
        noted["expires"] = expires
