"""Error pages in every configured language; the 500 page needs no database; old addresses redirect."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

from sciencecity.views import server_error


@pytest.mark.parametrize(
    "path,language,heading",
    [("/da/partnerskab-med-giid/", "da", "Der opstod en fejl"), ("/sv/", "sv", "Något gick fel"), ("/", "da", "Der opstod en fejl")],
)
def test_500_page_renders_in_the_visitors_language_without_a_database(path, language, heading):
    # No django_db mark: any database access here would fail the test.
    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text() == heading
    assert html.select_one(f'a[href="/{language}/"]')


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_500_page_speaks_every_configured_language(language):
    response = server_error(RequestFactory().get(f"/{language}/"))
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    with translation.override(language):
        assert html.h1.get_text() == translation.gettext("Something went wrong")


@pytest.mark.django_db
def test_an_exception_in_a_page_gives_the_500_page(client, site_content, monkeypatch):
    from partnerships.models import PartnershipPage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the database fell over")

    monkeypatch.setattr(PartnershipPage, "serve", broken)
    client.raise_request_exception = False
    response = client.get(site_content.page("giid-partnership", "sv").url)
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


@pytest.mark.django_db
def test_an_old_address_redirects_to_its_page(client, site_content):
    page = site_content.page("giid-partnership")
    Redirect.objects.create(old_path="/giid", redirect_page=page, is_permanent=True)
    response = client.get("/giid")
    assert response.status_code == 301
    assert response["Location"] == page.url


@pytest.mark.django_db
@pytest.mark.parametrize("path,language,signed_in", [("/sv/", "sv", False), ("/da/partnerskab-med-giid/", "da", False),
                                                     ("/en/", "en", False), ("/da/soeg/?q=Lyngby", "da", False),
                                                     ("/admin/", "da", True)])
def test_a_database_that_does_not_answer_gives_503_in_the_visitors_language(client, site_content, monkeypatch, path,
                                                                            language, signed_in):
    """Never a 500 or a traceback: a 503 that says to come back, which the edge answers from its last copy instead."""
    from django.db import OperationalError, connections

    from tests.factories import UserFactory

    if signed_in:  # an editor's session is in the database
        client.force_login(UserFactory())

    def refused(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(connections["default"], "cursor", refused)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    with translation.override(language):
        assert html.h1.get_text() == translation.gettext("Temporarily unavailable")
    assert "Connection refused" not in response.content.decode() and "Traceback" not in response.content.decode()
    monkeypatch.undo()
    assert client.get(path).status_code in (200, 302), "the site answers again as soon as the database does"
