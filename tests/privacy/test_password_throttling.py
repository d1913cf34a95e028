"""Page and document passwords cannot be guessed without limit: failures count per address and restriction."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from partnerships.models import HomePage

pytestmark = pytest.mark.django_db

PASSWORD = "lyngby-hemmelighed"
GUESSER = "203.0.113.66"
VISITOR = "198.51.100.8"


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


@pytest.fixture
def restricted_page(site_content):
    home = HomePage.objects.get(locale__language_code="da")
    page = home.get_children().live().first()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return page, f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def other_restricted_page(site_content):
    home = HomePage.objects.get(locale__language_code="da")
    page = home.get_children().live()[1]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.fixture
def restricted_document(site_content):
    collection = Collection.get_first_root_node().add_child(name="Bestyrelsen")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Referat", collection=collection, file=ContentFile(b"referat", name="referat.txt")
    )
    return document, f"/documents/authenticate_with_password/{restriction.pk}/"


def guess(client, url, password, address=GUESSER, language="da", return_url="/da/"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address,
                       HTTP_ACCEPT_LANGUAGE=language)


def test_guessing_a_page_password_is_stopped_for_that_address(client, restricted_page):
    page, url = restricted_page
    answers = [guess(client, url, f"gæt-{number}").status_code for number in range(25)]
    assert answers[:10] == [200] * 10
    assert set(answers[10:]) == {429}
    locked = guess(client, url, PASSWORD)
    assert locked.status_code == 429, "the right password does not help while the lock lasts"
    assert "For mange forkerte adgangskoder" in text(locked)
    assert "Du kan prøve igen om 15 minutter." in text(locked)
    # In the site's own layout and language.
    html = locked.content.decode()
    assert '<html lang="da">' in html and "Spring til hovedindhold" in html
    # Someone else at another address is not locked out of the page.
    assert guess(client, url, "forkert", address=VISITOR).status_code == 200
    assert guess(client, url, PASSWORD, address=VISITOR, return_url=page.url).status_code == 302


def test_each_restriction_is_counted_apart(client, restricted_page, site_content):
    _page, url = restricted_page
    for number in range(10):
        guess(client, url, f"gæt-{number}")
    assert guess(client, url, "gæt").status_code == 429
    assert guess(client, other_restricted_page(site_content), "gæt").status_code == 200


def test_a_right_password_before_the_limit_clears_the_count(client, restricted_page):
    page, url = restricted_page
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200
    assert guess(client, url, PASSWORD, return_url=page.url).status_code == 302
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200


def test_guessing_a_document_password_is_stopped_in_the_visitors_language(client, restricted_document):
    document, url = restricted_document
    for number in range(10):
        assert guess(client, url, f"gæt-{number}", language="sv", return_url=document.url).status_code == 200
    locked = guess(client, url, PASSWORD, language="sv", return_url=document.url)
    assert locked.status_code == 429
    assert "För många felaktiga lösenord" in text(locked)
    assert '<html lang="sv">' in locked.content.decode()
    assert guess(client, url, PASSWORD, address=VISITOR, return_url=document.url).status_code == 302


def test_showing_the_form_is_never_refused(client, restricted_page):
    page, url = restricted_page
    for number in range(12):
        guess(client, url, f"gæt-{number}")
    response = client.get(page.url, REMOTE_ADDR=GUESSER)
    assert response.status_code == 200
    assert Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("backend", ["django.core.cache.backends.locmem.LocMemCache",
                                     "django.core.cache.backends.filebased.FileBasedCache"])
def test_the_count_works_with_any_cache_backend(client, restricted_page, settings, tmp_path, backend):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": backend, "LOCATION": str(tmp_path / "cache")}}
    _page, url = restricted_page
    answers = [guess(client, url, f"gæt-{number}").status_code for number in range(11)]
    assert answers == [200] * 10 + [429]
