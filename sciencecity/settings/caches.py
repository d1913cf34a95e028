"""The one cache every process shares: Redis where REDIS_URL is set, else a table in the database.

Never per-process memory, so every worker sees a change. It holds only small
things every page computes (menu, footer, page addresses: navigation/chrome.py)
and Wagtail's rendition details.

It is an accelerator, never a dependency. When Redis is stopped, slow or
restarting, django-redis answers every read with a miss and drops every write
(``IGNORE_EXCEPTIONS``), each within the timeouts below, and logs it at most
once a minute (``LOGGING`` in base.py); pages are built without it, slower.
What changed meanwhile is never read from it afterwards: entries are kept under
the content's version (sciencecity.models.ContentVersion), which every change
replaces in the database.
"""

from redis.backoff import NoBackoff
from redis.retry import Retry

# Seconds to connect and to wait for an answer: Redis answers in well under a millisecond, so
# longer means it is stopped or stuck, and a page is better built without it.
REDIS_TIMEOUT = 0.25
# Each operation tried once: redis-py would otherwise retry with back-off, costing a page seconds
# for every cache look-up while Redis is away.
NO_RETRY = Retry(NoBackoff(), 0)


def cache_settings(redis_url: str | None) -> dict:
    """Django's CACHES: the shared cache and Wagtail's renditions cache, on Redis or the database."""
    if redis_url:
        shared = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "CONNECTION_POOL_KWARGS": {"retry": NO_RETRY},
            },
        }
    else:
        shared = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sciencecity_cache"}
    shared["KEY_FUNCTION"] = "sciencecity.cache.make_key"
    return {
        "default": shared,
        # Wagtail keeps image renditions' details here. It writes them back on every read, which in
        # the database would cost more than the look-up it saves: there, pages prefetch renditions.
        "renditions": {**shared, "KEY_PREFIX": "renditions", "TIMEOUT": 60 * 60 * 24}
        if redis_url
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
