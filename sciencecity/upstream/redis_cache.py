"""Django's Redis cache backend, keeping one redis-py client per connection pool instead of one per call.

Upstream gap (Django 5.2, ``django/core/cache/backends/redis.py``):
``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache
operation, and redis-py 6 and later fill some 170 response callbacks in each
new client's ``__init__``. On a page served from the page cache that
construction cost more than the round trip to Redis itself. A ``redis.Redis``
is thread-safe and holds no connection of its own (the pool does), so one per
pool is enough. Delete this module, and point ``CACHES`` back at
``django.core.cache.backends.redis.RedisCache``, once Django reuses its clients.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, building each pool's ``redis.Redis`` once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        """The one ``redis.Redis`` of the pool this operation uses."""
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache backend with ``ReusingRedisCacheClient``."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
