"""A page not yet translated never poses as a translation, in any target language.

wagtail-localize's synchronisation (set up by ``load_site_content``) gives every
target language an alias of a new Danish page, carrying the Danish text. Such an
alias says so: the Danish lang on its content and on its menu link, a notice in the
reader's language, and no place in hreflang or the sitemap.
"""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

pytestmark = pytest.mark.django_db

SOURCE = settings.LANGUAGE_CODE
TARGETS = [code for code, _name in settings.LANGUAGES if code != SOURCE]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def untranslated(site_content):
    """A new Danish page in the menu, with the aliases wagtail-localize's synchronisation gives it."""
    from partnerships.models import CollaborationPage

    page = site_content.page("home").add_child(
        instance=CollaborationPage(title="Kun på dansk", slug="kun-paa-dansk", partner_name="X", show_in_menus=True)
    )
    page.save_revision().publish()
    # What Wagtail's after_create_page hook does when an editor adds the page in the admin.
    create_aliases_for_new_page(page)
    return page


def test_the_seed_synchronises_every_target_language_from_the_source(site_content):
    synced = LocaleSynchronization.objects.select_related("locale", "sync_from")
    assert {(sync.locale.language_code, sync.sync_from.language_code) for sync in synced} == {
        (code, SOURCE) for code in TARGETS
    }


@pytest.mark.parametrize("language", TARGETS)
def test_an_untranslated_page_says_so_in_the_readers_language(client, untranslated, language):
    alias = Page.objects.get(translation_key=untranslated.translation_key, locale__language_code=language)
    assert alias.alias_of_id == untranslated.pk

    html = BeautifulSoup(client.get(alias.url).content, "html.parser")
    assert html.html["lang"] == language
    assert html.select_one(".main__content")["lang"] == SOURCE
    notice = html.select_one(".notice--language")
    with translation.override(language):
        source_name = translation.get_language_info(SOURCE)["name_translated"].lower()
        expected = translation.gettext(
            "This page has not been translated yet, so it is shown in %(language)s, its original language."
        ) % {"language": source_name}
    assert expected in " ".join(notice.get_text().split())
    assert notice.a["href"] == untranslated.url and notice.a["lang"] == SOURCE

    # Not a translation: no hreflang alternate names it or its language, and its menu link says it is Danish.
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert language not in alternates
    assert f"http://testserver{alias.url}" not in alternates.values()
    menu_link = next(link for link in html.select(".main-menu a") if link["href"] == alias.url)
    assert menu_link["lang"] == SOURCE


@pytest.mark.parametrize("language", TARGETS)
def test_an_untranslated_page_is_no_alternate_of_its_original(client, untranslated, language):
    html = BeautifulSoup(client.get(untranslated.url).content, "html.parser")
    hreflangs = {link["hreflang"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {SOURCE, "x-default"}
    # The switcher still offers the language: its home page, not the alias.
    switch = html.select_one(f'nav.language-switcher a[hreflang="{language}"]')
    assert switch["href"] == Page.objects.get(translation_key=untranslated.get_parent().translation_key,
                                              locale__language_code=language, alias_of__isnull=True).url


def test_no_untranslated_page_is_in_the_sitemap(client, untranslated):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)}
    alternates = {link.get("href") for link in root.iter("{http://www.w3.org/1999/xhtml}link")}
    aliases = Page.objects.filter(alias_of=untranslated)
    assert aliases.count() == len(TARGETS)
    for alias in aliases:
        url = f"http://testserver{alias.url}"
        assert url not in locations and url not in alternates
    assert f"http://testserver{untranslated.url}" in locations
