"""The Redis cache backend (production's shared cache) reuses one client per pool: see sciencecity/upstream/redis_cache.py."""

import pytest

from sciencecity.upstream.redis_cache import RedisCache
from tests.conftest import redis_answers


def test_every_operation_on_one_pool_uses_the_same_client():
    backend = RedisCache("redis://127.0.0.1:6379/15", {})
    client = backend._cache.get_client()
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client("any-key") is client


def test_production_settings_use_it_when_redis_is_configured(monkeypatch):
    import importlib

    from sciencecity.settings import base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        settings = importlib.reload(base)
        assert settings.CACHES["default"]["BACKEND"] == "sciencecity.upstream.redis_cache.RedisCache"
    finally:
        monkeypatch.undo()
        importlib.reload(base)


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_it_stores_reads_and_counts_like_djangos_backend():
    backend = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "test-redis-cache"})
    backend.set("version", 1, 30)
    assert backend.incr("version") == 2
    backend.set("page", {"title": "Forside", "body": "x" * 10_000}, 30)
    assert backend.get("page") == {"title": "Forside", "body": "x" * 10_000}
    assert backend.get("missing", "default") == "default"
    backend.delete_many(["version", "page"])
    assert backend.get("version") is None
