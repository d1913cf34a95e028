"""One version number for all published content, so every cache built from content expires together.

Publishing, unpublishing, moving or deleting a page, or saving a snippet or
setting that pages show, bumps the version (see ``signals.py``); cache keys
include it, so nothing built before the change is ever read again. Cheaper
and safer than tracking which page shows what.
"""

import contextlib
import contextvars
import time

from django.core.cache import cache

VERSION_KEY = "sciencecity:content-version"


def content_version() -> int:
    """The current content version (1 on a cold cache)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version() -> None:
    """Make every cache built from content stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Not in the cache (cold or evicted): any new number differs from what old keys hold.
        cache.set(VERSION_KEY, 2, timeout=None)


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


def get_fresh(key: str):
    """A value cached with ``set_fresh``, or None once it has gone stale, whatever the backend's own expiry."""
    entry = _get_entry(key)
    return None if entry is None else entry[1]


def _get_entry(key: str) -> tuple | None:
    """``(expires, value)`` as ``set_fresh`` stored it, or None if missing or stale."""
    entry = cache.get(key)
    if entry is None or (entry[0] is not None and time.time() >= entry[0]):
        return None
    return entry


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
