"""Content versions announced through Redis reach each listening process at once, and a listener that
cannot vouch for its version steps aside. Needs Redis on 127.0.0.1:6379 (database 15)."""

import time

import pytest

from sciencecity import version_feed
from sciencecity.version_feed import CLIENT_NAME, VersionListener, channel_for
from tests.conftest import redis_answers

REDIS_URL = "redis://127.0.0.1:6379/15"


pytestmark = pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")


@pytest.fixture
def redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    yield client
    client.close()


@pytest.fixture
def listener():
    versions = iter(range(100, 200))
    listening = VersionListener(REDIS_URL, lambda: next(versions))
    listening.thread.start()
    assert listening.connected.wait(5)
    yield listening
    listening.stop()


def eventually(condition, seconds=1.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_it_starts_from_the_stored_version_and_follows_each_announcement(listener, redis):
    assert listener.current() == 100
    redis.publish(channel_for(REDIS_URL), 101)
    assert eventually(lambda: listener.current() == 101)
    redis.publish(channel_for(REDIS_URL), 105)
    assert eventually(lambda: listener.current() == 105)


def test_an_announcement_out_of_order_never_takes_it_back(listener, redis):
    redis.publish(channel_for(REDIS_URL), 150)
    redis.publish(channel_for(REDIS_URL), 120)
    redis.publish(channel_for(REDIS_URL), 151)
    assert eventually(lambda: listener.current() == 151)


def test_its_pings_keep_it_vouching_for_longer_than_the_lease(listener, monkeypatch):
    monkeypatch.setattr(version_feed, "LEASE_SECONDS", 0.3)
    monkeypatch.setattr(version_feed, "PING_SECONDS", 0.05)
    time.sleep(1.0)
    assert listener.current() == 100, "answered pings renew the lease; no reconnection (that would read 101)"


def test_a_listener_that_has_not_heard_from_redis_lately_vouches_for_nothing(listener):
    listener.heard = time.monotonic() - version_feed.LEASE_SECONDS - 1
    assert listener.current() is None


def test_after_losing_its_connection_it_reads_the_version_again(listener, redis):
    clients = [client for client in redis.client_list() if client["name"] == CLIENT_NAME]
    assert clients
    for client in clients:
        redis.client_kill_filter(_id=client["id"])
    # Gone: nothing is vouched for until it has subscribed again and read the stored version.
    assert eventually(lambda: listener.current() not in (None, 100), seconds=5)
    assert listener.current() == 101
    redis.publish(channel_for(REDIS_URL), 190)
    assert eventually(lambda: listener.current() == 190)


def test_requests_take_the_announced_version_without_asking_the_cache(settings, monkeypatch, redis):
    from django.core.cache import cache

    from sciencecity import cache as content_cache

    settings.REDIS_URL = REDIS_URL
    listening = VersionListener(REDIS_URL, lambda: 300)
    monkeypatch.setattr(version_feed, "_listener", listening)
    monkeypatch.setattr(version_feed, "_listener_pid", __import__("os").getpid())
    listening.thread.start()
    try:
        assert listening.connected.wait(5)

        def no_reads(*args, **kwargs):
            raise AssertionError("the version was read from the cache")

        monkeypatch.setattr(cache, "get", no_reads)
        assert content_cache.content_version() == 300
        redis.publish(channel_for(REDIS_URL), 301)
        assert eventually(lambda: content_cache.content_version() == 301)
    finally:
        listening.stop()


def test_without_redis_no_listener_starts(settings):
    settings.REDIS_URL = ""
    assert version_feed.start_listening() is None
    assert version_feed.announced_version() is None


def test_each_new_version_is_announced(settings):
    """With Redis as the shared cache (as .ci/run's PostgreSQL run has it), a bump is published on the channel."""
    import redis as redis_library

    from sciencecity.cache import bump_content_version, read_content_version

    if not settings.REDIS_URL:
        pytest.skip("the shared cache is Redis only where REDIS_URL is set")
    pubsub = redis_library.Redis.from_url(settings.REDIS_URL).pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(channel_for(settings.REDIS_URL))
    try:
        assert pubsub.get_message(timeout=1) is None  # the confirmation, ignored
        bump_content_version()
        message = pubsub.get_message(timeout=2)
        assert message is not None and int(message["data"]) == read_content_version()
    finally:
        pubsub.close()


def test_sites_sharing_a_redis_server_never_hear_each_other(listener, redis, settings):
    """Channels span a server's databases: another database's, or another key prefix's, announcements are not ours."""
    redis.publish(channel_for("redis://127.0.0.1:6379/14"), 10**15)
    settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "KEY_PREFIX": "staging"}}
    assert channel_for(REDIS_URL) != listener.channel
    redis.publish(channel_for(REDIS_URL), 10**15)
    time.sleep(0.2)
    assert listener.current() == 100
