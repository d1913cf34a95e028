"""The admin may frame previews (edit, revision, translation) of every page type; public pages stay unframeable."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS
from tests.factories import UserFactory
from tests.sciencecity.test_security import directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_content):
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    return client


def framing(response) -> tuple[set[str], str]:
    """What a response says about who may frame it: CSP frame-ancestors and X-Frame-Options."""
    return directives(response["Content-Security-Policy"])["frame-ancestors"], response["X-Frame-Options"]


def every_page_type():
    """One live Danish page of each page type the site has."""
    pages = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code="da").specific():
        pages.setdefault(type(page), page)
    return list(pages.values())


def test_a_dummy_preview_request_of_every_page_type_and_mode_may_be_framed_by_the_admin(site_content):
    admin = UserFactory(groups=[ADMINISTRATORS], is_superuser=True)
    original = RequestFactory().get("/admin/")
    original.user = admin
    pages = every_page_type()
    assert len(pages) >= 6
    for page in pages:
        for mode, _label in page.preview_modes:
            response = page.make_preview_request(original, mode, {"in_preview_panel": True})
            assert response.status_code == 200, (page, mode)
            assert framing(response) == ({"'self'"}, "SAMEORIGIN"), (page, mode)
            # Only framing is loosened: the rest is the public pages' strict policy.
            assert directives(response["Content-Security-Policy"])["script-src"] == {"'self'"}


def test_the_public_page_itself_still_may_not_be_framed(client, site_content):
    response = client.get(site_content.page("giid-network").url)
    assert framing(response) == ({"'none'"}, "DENY")


def test_a_revision_preview_may_be_framed_by_the_admin(admin_client, site_content):
    page = site_content.page("lund-collaboration")
    page.introduction = "Et udkast, der kun findes som revision."
    revision = page.save_revision()
    response = admin_client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    assert "Et udkast, der kun findes som revision." in response.content.decode()
    assert framing(response) == ({"'self'"}, "SAMEORIGIN")


def test_a_translation_preview_may_be_framed_by_the_admin(admin_client, site_content):
    from wagtail_localize.models import Translation

    swedish = site_content.page("lund-collaboration", "sv")
    translation = Translation.objects.get(target_locale=swedish.locale, source__object_id=swedish.translation_key)
    response = admin_client.get(f"/admin/localize/translate/{translation.pk}/preview/")
    assert response.status_code == 200
    assert swedish.title in response.content.decode()
    assert framing(response) == ({"'self'"}, "SAMEORIGIN")
