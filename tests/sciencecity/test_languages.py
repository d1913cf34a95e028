"""Both languages from day one: lang attributes, the language switcher, hreflang and the / redirect."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_both_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"da", "sv"}


@pytest.mark.parametrize("key", ["home", "giid-partnership"])
@pytest.mark.parametrize("language", ["da", "sv"])
def test_pages_answer_in_their_language(client, site_content, key, language):
    page = site_content.page(key, language)
    response = client.get(page.url)
    assert response.status_code == 200
    assert soup(response).html["lang"] == language
    assert page.url.startswith(f"/{language}/")


@pytest.mark.parametrize("key", ["home", "giid-partnership"])
def test_each_swedish_page_is_an_enabled_wagtail_localize_translation(site_content, key):
    danish, swedish = site_content.page(key, "da"), site_content.page(key, "sv")
    assert swedish.alias_of_id is None
    assert Translation.objects.filter(
        source__object_id=danish.translation_key, target_locale__language_code="sv", enabled=True
    ).exists()


@pytest.mark.parametrize("language,other", [("da", "sv"), ("sv", "da")])
def test_switcher_and_hreflang_point_at_the_translation(client, site_content, language, other):
    page, translation = site_content.page("giid-partnership", language), site_content.page("giid-partnership", other)
    html = soup(client.get(page.url))

    switcher = html.select_one("nav.language-switcher")
    link = switcher.select_one(f'a[hreflang="{other}"]')
    assert link["href"] == translation.url
    assert link["lang"] == other
    assert switcher.select_one(f'a[hreflang="{language}"]')["aria-current"] == "true"

    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "da": f"http://testserver{site_content.page('giid-partnership', 'da').url}",
        "sv": f"http://testserver{site_content.page('giid-partnership', 'sv').url}",
        "x-default": f"http://testserver{site_content.page('giid-partnership', 'da').url}",
    }


def test_switcher_leads_to_the_other_home_page_where_a_page_has_no_translation(client, site_content):
    home = site_content.page("home", "da")
    lonely = home.add_child(instance=type(site_content.page("giid-partnership"))(title="Kun på dansk", slug="kun-dansk"))
    lonely.save_revision().publish()

    html = soup(client.get(lonely.url))
    assert html.select_one('nav.language-switcher a[hreflang="sv"]')["href"] == site_content.page("home", "sv").url
    assert [link["hreflang"] for link in html.select('link[rel="alternate"]')] == ["da", "x-default"]


@pytest.mark.parametrize(
    "accept_language,expected",
    [("sv-SE,sv;q=0.9,en;q=0.8", "/sv/"), ("da-DK,da;q=0.9", "/da/"), ("de-DE,de;q=0.9", "/da/"), ("", "/da/")],
)
def test_root_redirects_by_accept_language(client, site_content, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "path,language,heading",
    [("/da/findes-ikke/", "da", "Siden blev ikke fundet"), ("/sv/finns-inte/", "sv", "Sidan hittades inte")],
)
def test_unknown_url_is_a_404_in_the_right_language(client, site_content, path, language, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading


def test_unknown_url_without_prefix_goes_to_the_visitors_language_first(client, site_content):
    response = client.get("/finns-inte/", headers={"accept-language": "sv"}, follow=True)
    assert response.redirect_chain == [("/sv/finns-inte/", 302)]
    assert response.status_code == 404
    assert soup(response).html["lang"] == "sv"

