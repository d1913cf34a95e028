"""Private pages and documents ask for their password, and pages for signed-in users ask for an account,
in the site's layout and the visitor's language: never Wagtail's bare English forms."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "lyngby-hemmelighed"
WORDS = {
    "da": {
        "title": "<title>Adgangskode påkrævet – Science City Lyngby</title>",
        "lead": "Siden er beskyttet med en adgangskode.",
        "document": "Dokumentet er beskyttet med en adgangskode.",
        "label": "Adgangskode",
        "wrong": "Adgangskoden er forkert. Prøv igen.",
        "skip": "Spring til hovedindhold",
        "login_title": "<title>Log ind – Science City Lyngby</title>",
        "username": "Brugernavn",
        "login_wrong": "Indtast venligst korrekt brugernavn og adgangskode.",
    },
    "sv": {
        "title": "<title>Lösenord krävs – Science City Lyngby</title>",
        "lead": "Sidan är skyddad med ett lösenord.",
        "document": "Dokumentet är skyddat med ett lösenord.",
        "label": "Lösenord",
        "wrong": "Lösenordet du angav är inte korrekt. Försök igen.",
        "skip": "Hoppa till huvudinnehållet",
        "login_title": "<title>Logga in – Science City Lyngby</title>",
        "username": "Användarnamn",
        "login_wrong": "korrekt användarnamn och lösenord",
    },
}


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


@pytest.fixture
def restricted(site_content):
    """The collaboration page behind a password, set on the Danish page and so on every translation too:
    (page, form address) by language."""
    restriction = PageViewRestriction.objects.create(
        page=site_content.page("lund-collaboration"), restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    pages = {}
    for language in WORDS:
        page = site_content.page("lund-collaboration", language)
        pages[language] = (page, f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/")
    return pages


def assert_site_layout(html: str, language: str) -> None:
    assert f'<html lang="{language}">' in html
    assert WORDS[language]["skip"] in html, "the site's own layout, with its skip link"
    assert 'class="site-header' in html and 'class="site-footer' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_private_page_asks_for_its_password_in_the_site_layout_and_language(client, restricted, language):
    page, action = restricted[language]
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert_site_layout(html, language)
    assert WORDS[language]["title"] in html
    assert WORDS[language]["lead"] in text(response)
    assert f'<label for="id_password">{WORDS[language]["label"]}</label>' in html
    assert f'action="{action}"' in html
    assert "Password required" not in html
    # Nothing of the page itself before the password.
    assert page.title not in re.sub(r'<nav class="breadcrumbs.*?</nav>|<header.*?</header>', "", html, flags=re.S)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_wrong_password_is_explained_in_the_visitors_language(client, restricted, language):
    page, action = restricted[language]
    response = client.post(action, {"password": "forkert", "return_url": page.url})
    html = response.content.decode()
    assert response.status_code == 200
    assert_site_layout(html, language)
    assert WORDS[language]["wrong"] in text(response)
    # The error is tied to the field for screen readers.
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_password_error"' in html
    assert 'id="id_password_error"' in html


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_right_password_shows_the_page(client, restricted, language):
    page, action = restricted[language]
    response = client.post(action, {"password": PASSWORD, "return_url": page.url}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == page.url
    html = response.content.decode()
    assert f"<title>{page.seo_title or page.title} – Science City Lyngby</title>" in html
    assert 'name="password"' not in html


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_private_document_asks_for_its_password_in_the_visitors_language(client, site_content, language):
    collection = Collection.get_first_root_node().add_child(name="Bestyrelsen")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Referat", collection=collection, file=ContentFile(b"referat", name="referat.txt")
    )
    response = client.get(document.url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    assert_site_layout(html, language)
    assert WORDS[language]["title"] in html
    assert WORDS[language]["document"] in text(response)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_sign_in_for_pages_of_signed_in_users_is_the_sites_own(client, site_content, language):
    page = site_content.page("lund-collaboration", language)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url, follow=True)
    login_url, _status = response.redirect_chain[-1]
    assert login_url.startswith(f"/{language}/_util/login/?next=")
    html = response.content.decode()
    assert_site_layout(html, language)
    assert WORDS[language]["login_title"] in html
    assert f'<label for="id_username">{WORDS[language]["username"]}</label>' in html

    user = UserFactory(username="besoegende")
    user.set_password(PASSWORD)
    user.save()
    wrong = client.post(login_url, {"username": "besoegende", "password": "forkert", "next": page.url})
    assert wrong.status_code == 200
    assert WORDS[language]["login_wrong"] in text(wrong)
    assert 'role="alert"' in wrong.content.decode()
    right = client.post(login_url, {"username": "besoegende", "password": PASSWORD, "next": page.url}, follow=True)
    assert right.redirect_chain[-1][0] == page.url
    assert right.status_code == 200
