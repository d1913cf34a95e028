"""Every configured language from day one: lang attributes, the language switcher, hreflang and the / redirect."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCE, TARGETS = LANGUAGES[0], LANGUAGES[1:]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_every_configured_locale_exists():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= set(LANGUAGES)


def test_the_switcher_names_each_language_in_itself_danish_first(client, site_content):
    html = soup(client.get(site_content.page("home").url))
    links = html.select("nav.language-switcher a")
    assert [(link["lang"], link.get_text()) for link in links] == settings.LANGUAGES
    assert [link["lang"] for link in links][:3] == ["da", "sv", "en"]
    assert [link.get_text() for link in links][:3] == ["Dansk", "Svenska", "English"]


@pytest.mark.parametrize("key", ["home", "giid-partnership"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_answer_in_their_language(client, site_content, key, language):
    page = site_content.page(key, language)
    response = client.get(page.url)
    assert response.status_code == 200
    assert soup(response).html["lang"] == language
    assert page.url.startswith(f"/{language}/")


@pytest.mark.parametrize("key", ["home", "giid-partnership"])
@pytest.mark.parametrize("language", TARGETS)
def test_each_translated_page_is_an_enabled_wagtail_localize_translation(site_content, key, language):
    source, target = site_content.page(key, SOURCE), site_content.page(key, language)
    assert target.alias_of_id is None
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale__language_code=language, enabled=True
    ).exists()


@pytest.mark.parametrize(
    "language,other", [(language, other) for language in LANGUAGES for other in LANGUAGES if other != language]
)
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
        **{code: f"http://testserver{site_content.page('giid-partnership', code).url}" for code in LANGUAGES},
        "x-default": f"http://testserver{site_content.page('giid-partnership', SOURCE).url}",
    }
    og_alternates = [meta["content"] for meta in html.select('meta[property="og:locale:alternate"]')]
    assert og_alternates == [settings.SITE_LANGUAGES[code]["og_locale"] for code in LANGUAGES if code != language]


@pytest.mark.parametrize("language", TARGETS)
def test_switcher_leads_to_the_other_home_page_where_a_page_has_no_translation(client, site_content, language):
    home = site_content.page("home", SOURCE)
    lonely = home.add_child(instance=type(site_content.page("giid-partnership"))(title="Kun på dansk", slug="kun-dansk"))
    lonely.save_revision().publish()

    html = soup(client.get(lonely.url))
    link = html.select_one(f'nav.language-switcher a[hreflang="{language}"]')
    assert link["href"] == site_content.page("home", language).url
    assert [link["hreflang"] for link in html.select('link[rel="alternate"]')] == ["da", "x-default"]


@pytest.mark.parametrize(
    "accept_language,expected",
    [("sv-SE,sv;q=0.9,en;q=0.8", "/sv/"), ("da-DK,da;q=0.9", "/da/"), ("en-GB,en;q=0.9", "/en/"),
     ("de-DE,de;q=0.9", "/da/"), ("", "/da/")],
)
def test_root_redirects_by_accept_language(client, site_content, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_url_is_a_404_in_the_right_language(client, site_content, language):
    response = client.get(f"/{language}/findes-ikke/")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == language
    with translation.override(language):
        assert html.h1.get_text(strip=True) == translation.gettext("Page not found")


def test_unknown_url_without_prefix_goes_to_the_visitors_language_first(client, site_content):
    response = client.get("/finns-inte/", headers={"accept-language": "sv"}, follow=True)
    assert response.redirect_chain == [("/sv/finns-inte/", 302)]
    assert response.status_code == 404
    assert soup(response).html["lang"] == "sv"



@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_speaks_each_configured_language_to_those_who_choose_it(client, site_content, language):
    from wagtail.users.models import UserProfile

    from accounts.testing import force_verified_login
    from editorial.roles import EDITORS
    from tests.factories import UserFactory

    editor = UserFactory(groups=[EDITORS])
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": language})
    force_verified_login(client, editor)
    html = soup(client.get("/admin/"))
    assert html.html["lang"] == language
    with translation.override(language):
        # Wagtail's own words for its dashboard's main landmark, in the chosen language.
        assert translation.gettext("Dashboard") in html.get_text()


def test_english_visitors_read_country_names_and_dates_in_english(client, site_content):
    html = soup(client.get(f"{site_content.page('giid-network', 'en').url}galway-city-innovation-district/"))
    assert "Ireland" in html.select_one(".lead").get_text()
    with translation.override("en"):
        from django.utils.formats import date_format
        import datetime

        assert date_format(datetime.date(2026, 11, 27)) == "27 November 2026"
