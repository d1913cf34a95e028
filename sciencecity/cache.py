"""One version number for all published content, so every cache built from content expires together.

Publishing, unpublishing, moving or deleting a page, or saving a snippet or
setting that pages show, bumps the version (see ``signals.py``); cache keys
include it, so nothing built before the change is ever read again. Cheaper
and safer than tracking which page shows what.
"""

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
    value = get_fresh(key)
    if value is None:
        value = build()
        seconds = timeout(value) if callable(timeout) else timeout
        if seconds is None or seconds > 0:
            set_fresh(key, value, seconds)
    return value


def set_fresh(key: str, value, seconds: int | None) -> None:
    """Cache ``value`` for ``seconds``, noting when it goes stale (not all backends keep time with us)."""
    expires = time.time() + seconds if seconds is not None else None
    cache.set(key, (expires, value), seconds)


def get_fresh(key: str):
    """A value cached with ``set_fresh``, or None once it has gone stale, whatever the backend's own expiry."""
    entry = cache.get(key)
    if entry is None:
        return None
    expires, value = entry
    return value if expires is None or time.time() < expires else None
