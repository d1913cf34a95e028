"""An editor POST missing a StreamField's management fields is refused with 400 and a message, never a 500."""

import re

import pytest
from wagtail.models import Page

from accounts.testing import force_verified_login
from partnerships.models import HomePage
from editorial.roles import ADMINISTRATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGES = {
    "da": "Formularen manglede en del af sidens indhold",
    "sv": "Formuläret saknade en del av sidans innehåll",
}


@pytest.fixture
def admin_client(client, site_content):
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    client.raise_request_exception = False
    return client


@pytest.fixture
def page(site_content):
    return HomePage.objects.get(locale__language_code="da").get_children().live().first().specific


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def edit_data(page, **extra):
    return {"title": page.title, "slug": page.slug, **extra}


@pytest.mark.parametrize("language", ["da", "sv"])
def test_an_edit_post_without_body_count_is_a_bad_request(admin_client, page, language):
    revisions = page.revisions.count()
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert MESSAGES[language] in text(response)
    assert page.revisions.count() == revisions


def test_a_preview_post_without_body_count_is_a_bad_request(admin_client, page):
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/preview/", edit_data(page))
    assert response.status_code == 400
    assert MESSAGES["da"] in text(response)


def test_a_create_post_without_body_count_is_a_bad_request(admin_client, page):
    parent = page.get_parent()
    before = Page.objects.count()
    url = f"/admin/pages/add/{page._meta.app_label}/{page._meta.model_name}/{parent.pk}/"
    response = admin_client.post(url, {"title": "Ny side", "slug": "ny-side"})
    assert response.status_code == 400
    assert Page.objects.count() == before


def test_a_count_that_is_not_a_number_is_a_bad_request_too(admin_client, page):
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, **{"body-count": "mange"}))
    assert response.status_code == 400


def test_an_ordinary_edit_still_saves(admin_client, page):
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, **{"body-count": "0"}))
    assert response.status_code in (200, 302)
    assert response.status_code != 400


def test_other_bad_requests_get_the_plain_400_page(client, settings, site_content):
    settings.ALLOWED_HOSTS = ["sciencecity.dk"]
    client.raise_request_exception = False
    response = client.get("/da/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    assert "Forespørgslen kunne ikke bruges" in text(response)
    assert MESSAGES["da"] not in text(response)
