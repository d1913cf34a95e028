"""The front-end login lands somewhere real, and documents are served as they are stored."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_login_without_next_lands_on_a_page_that_exists(client, site_content, language):
    user = UserFactory()
    response = client.post(f"/{language}/_util/login/", {"username": user.username, "password": "et-godt-langt-kodeord-42"},
                           REMOTE_ADDR="192.0.2.30", follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert response.redirect_chain, "the login was not accepted"
    assert "/accounts/profile/" not in [url for url, _status in response.redirect_chain]
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == f"/{language}/"


@pytest.mark.parametrize("name", ["referat.txt", "medlemmer.csv", "notat.pdf"])
def test_documents_are_served_without_a_content_encoding(client, site_content, name):
    document = get_document_model().objects.create(title="Referat", file=ContentFile(b"%PDF-1.4 referat", name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers, response.headers.get("Content-Encoding")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 referat"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
