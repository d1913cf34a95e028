"""Security headers on public pages, the admin login and the 404 page, under production settings."""

import importlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings as django_settings

from tests.sites import MIGRATED

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-for-the-header-tests-1234567890",
    "ALLOWED_HOSTS": "testserver",
    "WAGTAILADMIN_BASE_URL": "https://testserver",
}
SECURITY_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "X_FRAME_", "CONTENT_SECURITY_", "PERMISSIONS_")


@pytest.fixture
def production(settings, monkeypatch):
    """The security settings of sciencecity.settings.production, applied to this test."""
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    module = importlib.import_module("sciencecity.settings.production")
    module = importlib.reload(module)
    for name in dir(module):
        if name.startswith(SECURITY_PREFIXES):
            setattr(settings, name, getattr(module, name))
    return settings


def directives(header: str) -> dict[str, set[str]]:
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: set(part[1:]) for part in parts}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "X-Powered-By" not in response and "Server" not in response


def assert_strict_csp(header):
    policy = directives(header)
    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"} and policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"} and policy["frame-ancestors"] == {"'none'"}
    assert "base-uri" in policy and "form-action" in policy
    assert "unsafe-inline" not in header and "unsafe-eval" not in header


@pytest.mark.parametrize("path", ["/da/", "/sv/partnerskap-med-giid/", "/da/soeg/?q=Lund"])
def test_public_pages_have_the_strict_policy_and_the_security_headers(client, site_content, production, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    assert_strict_csp(response["Content-Security-Policy"])
    assert response["X-Frame-Options"] == "DENY"
    assert not response.cookies


def test_the_404_page_has_the_headers_too(client, site_content, production):
    response = client.get("/sv/finns-inte/", secure=True)
    assert response.status_code == 404
    assert_common_headers(response)
    assert_strict_csp(response["Content-Security-Policy"])


def test_the_admin_login_has_its_own_looser_policy_and_safe_cookies(client, site_content, production):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == {"'none'"} and policy["frame-ancestors"] == {"'self'"}
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    body = response.content.decode()
    assert "?v=" not in body


def test_the_session_cookie_is_secure_httponly_and_samesite(client, site_content, production):
    from tests.factories import UserFactory

    user = UserFactory(password="et-godt-langt-kodeord-42")
    response = client.post("/admin/login/", {"username": user.username, "password": "et-godt-langt-kodeord-42"}, secure=True)
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_plain_http_is_redirected_to_https(client, site_content, production):
    response = client.get("/da/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/da/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.throwaway_site
def test_gunicorn_names_no_server_software(tmp_path, site_databases):
    """gunicorn would send "Server: gunicorn"; its configuration drops the header."""
    port = free_port()
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "sciencecity.settings.production",
        "DATABASE_URL": site_databases.sqlite(MIGRATED, tmp_path / "db.sqlite3"),
        "SECURE_SSL_REDIRECT": "0",
        "WEB_CONCURRENCY": "1",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "sciencecity.wsgi"],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5) as response:  # noqa: S310
                    headers = response.headers
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert headers.get("Server") is None
        assert headers["X-Content-Type-Options"] == "nosniff"
    finally:
        server.terminate()
        server.wait(timeout=10)
