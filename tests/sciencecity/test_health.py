"""The health check: 200 while the database answers, 503 when it does not, over plain HTTP in production."""

import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connections

from tests.sciencecity.test_settings import manage

pytestmark = pytest.mark.django_db


def test_ok_while_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"
    # Polled every few seconds: it must not start sessions or hand out cookies.
    assert not response.cookies
    assert not Session.objects.exists()


def test_head_is_answered_and_other_methods_are_not(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_unavailable_when_the_database_does_not_answer(client, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", unreachable)
    with caplog.at_level(logging.ERROR, logger="sciencecity.health"):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.content == b"database unavailable"
    assert response["Cache-Control"] == "no-store"
    # The operator learns why from the log; the prober only learns that it failed.
    assert "connection refused" in caplog.text
    assert b"refused" not in response.content


def test_not_under_a_language_prefix(client):
    assert client.get("/da/health/").status_code == 404


def probe_under_production(database_url: str) -> dict:
    """GET /health/ and /da/ with production settings in a fresh process; their statuses and redirect."""
    script = (
        "import json; from django.test import Client; c = Client(HTTP_HOST='sciencecity.example'); "
        "h = c.get('/health/'); p = c.get('/da/'); "
        "print('RESULT ' + json.dumps({'health': h.status_code, 'body': h.content.decode(), "
        "'page': p.status_code, 'location': p.get('Location', '')}))"
    )
    result = manage("shell", "-c", script, env_overrides={"DATABASE_URL": database_url})
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    return json.loads(lines[-1].removeprefix("RESULT "))


def test_exempt_from_the_https_redirect_in_production():
    # The HTTPS redirect is on by default in production; the page is redirected, the probe is not.
    result = probe_under_production("sqlite:///:memory:")
    assert result["page"] == 301 and result["location"].startswith("https://")
    assert result["health"] == 200 and result["body"] == "ok"


def test_unavailable_in_production_when_the_database_file_cannot_be_opened(tmp_path):
    result = probe_under_production(f"sqlite:///{tmp_path}/no-such-folder/db.sqlite3")
    assert result["health"] == 503 and result["body"] == "database unavailable"
