"""The services some tests need (PostgreSQL, Redis, nginx): skipped without them, failed under CI=true.

Mark a test ``@pytest.mark.postgresql``, ``@pytest.mark.redis`` or
``@pytest.mark.nginx`` (tests/conftest.py checks the marks before each test).
On a developer's machine a missing service skips the test and says why; with
CI=true, as ``.ci/run`` sets, it fails the run, since CI provides all three.
``.ci/run`` deselects the PostgreSQL and Redis tests (``-m``) in its SQLite
pass and runs them in its PostgreSQL pass, so no test is ever skipped there.
"""

import os
import shutil
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def under_ci() -> bool:
    """Whether the suite runs in CI, where nothing may skip."""
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, reason: str) -> None:
    """Skip when a service or tool is missing; under CI=true, fail instead."""
    if available:
        return
    if under_ci():
        pytest.fail(f"{reason} (CI=true: a missing service is a failure)", pytrace=False)
    pytest.skip(reason)


def redis_answers(url: str | None = None) -> bool:
    """Whether the Redis server of ``url`` (REDIS_URL by default) answers."""
    from urllib.parse import urlsplit

    parts = urlsplit(url or settings.REDIS_URL or "redis://127.0.0.1:6379")
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


def nginx_available() -> bool:
    """Whether nginx, its cache purge module and envsubst (for deploy/nginx/render.sh) are installed."""
    return bool(shutil.which("nginx") and PURGE_MODULE.exists() and shutil.which("envsubst"))


SERVICES = {
    "postgresql": (
        lambda: connection.vendor == "postgresql",
        "needs PostgreSQL: run with DATABASE_URL=postgres://… (.ci/run does)",
    ),
    "redis": (
        lambda: bool(settings.REDIS_URL) and redis_answers(),
        "needs Redis: run with REDIS_URL=redis://… of a server that answers (.ci/run does)",
    ),
    "nginx": (
        nginx_available,
        "needs nginx with ngx_cache_purge (apt-get install nginx libnginx-mod-http-cache-purge gettext-base)",
    ),
}


def require_services(item) -> None:
    """Skip, or under CI fail, a test whose marks name a service this run lacks."""
    for name, (available, reason) in SERVICES.items():
        if item.get_closest_marker(name):
            require(available(), reason)
