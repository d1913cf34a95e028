"""The health check tells the truth: 200 while pages can be served, 503 when they cannot; each dependency reported."""

import datetime
import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connections
from django.utils import timezone

from tests.sciencecity.test_cache_unreachable import unreachable_caches
from tests.sciencecity.test_settings import manage

pytestmark = pytest.mark.django_db


def test_ok_while_everything_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": {"ok": True}, "cache": {"ok": True},
                               "purge_queue": {"ok": True, "waiting": 0, "oldest_waiting_seconds": 0}}
    assert response["Content-Type"] == "application/json"
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
    assert response.json()["status"] == "unavailable" and response.json()["database"] == {"ok": False}
    assert response["Cache-Control"] == "no-store"
    # The operator learns why from the log; the prober only learns that it failed.
    assert "connection refused" in caplog.text
    assert b"refused" not in response.content


def test_a_cache_that_does_not_answer_is_reported_while_pages_are_still_served(client, settings):
    """The cache is an accelerator: without it the site serves pages (slower), so a balancer keeps sending visitors."""
    settings.CACHES = unreachable_caches()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == {"ok": False}
    assert response.json()["database"] == {"ok": True}


def test_a_purge_waiting_for_more_than_a_minute_is_reported(client, settings):
    """The purge queue's worker has stopped: the oldest waiting purge's age says so."""
    from django_tasks_db.models import DBTaskResult

    from edge.purge import purge_frontend_caches

    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge_frontend_caches.enqueue([])
    purge_frontend_caches.enqueue([])
    assert client.get("/health/").json()["purge_queue"]["ok"], "a purge queued a moment ago is no problem"
    DBTaskResult.objects.filter(backend_name="purge").update(enqueued_at=timezone.now() - datetime.timedelta(minutes=3))
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    queue = response.json()["purge_queue"]
    assert queue["ok"] is False and queue["waiting"] == 2 and 179 <= queue["oldest_waiting_seconds"] <= 200


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
    # The HTTPS redirect is on by default in production; the page is redirected, the probe is not. (An empty
    # database has no tables, so no page could be served from it: the probe says so.)
    result = probe_under_production("sqlite:///:memory:")
    assert result["page"] == 301 and result["location"].startswith("https://")
    assert result["health"] == 503 and json.loads(result["body"])["database"] == {"ok": False}


def test_unavailable_in_production_when_the_database_file_cannot_be_opened(tmp_path):
    result = probe_under_production(f"sqlite:///{tmp_path}/no-such-folder/db.sqlite3")
    assert result["health"] == 503 and json.loads(result["body"])["database"] == {"ok": False}
