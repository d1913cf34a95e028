"""`make run` as a newcomer meets it: the site's own 404 page for a wrong address, and links where it is served."""

import importlib
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings

from sciencecity.settings import dev
from sciencecity.settings.environment import development_address


@pytest.mark.django_db
def test_a_wrong_address_shows_the_sites_own_404_page_with_debugging_on(client, site_content):
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        response = client.get("/da/denne-side-findes-ikke/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "da"
    assert html.h1.get_text() == "Siden blev ikke fundet"
    assert "Django" not in response.content.decode()


@pytest.mark.django_db
def test_an_error_still_shows_the_traceback_with_debugging_on(client, site_content, monkeypatch):
    from partnerships.models import PartnershipPage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the database fell over")

    monkeypatch.setattr(PartnershipPage, "serve", broken)
    client.raise_request_exception = False
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        response = client.get(site_content.page("giid-partnership").url)
    assert response.status_code == 500
    assert "the database fell over" in response.content.decode()


def test_development_links_follow_host_and_port(monkeypatch):
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.setenv("PORT", "8765")
    try:
        assert importlib.reload(dev).WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8765"
    finally:
        monkeypatch.undo()
        importlib.reload(dev)
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.delenv("PORT", raising=False)
    assert development_address() == "http://127.0.0.1:8000"


def test_make_run_tells_the_server_its_host_and_port():
    plan = subprocess.run(
        ["make", "-n", "run", "HOST=localhost", "PORT=8765"], cwd=settings.BASE_DIR,
        capture_output=True, text=True, check=True,
    ).stdout
    [serve] = [line for line in plan.splitlines() if "runserver" in line]
    assert serve.startswith("HOST=localhost PORT=8765 ") and serve.endswith("runserver localhost:8765")
