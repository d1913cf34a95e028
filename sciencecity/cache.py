"""One version number for all published content, so every cache built from content expires together.

Publishing, unpublishing, moving or deleting a page, or saving a snippet or
setting that pages show, bumps the version (see ``signals.py``); cache keys
include it, so nothing built before the change is ever read again. Cheaper
and safer than tracking which page shows what.
"""

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
    value = cache.get(key)
    if value is None:
        value = build()
        seconds = timeout(value) if callable(timeout) else timeout
        if seconds is None or seconds > 0:
            cache.set(key, value, seconds)
    return value
