"""Menus, breadcrumbs and footer: per language, cached per site and language, fresh after a publish."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from sciencecity.models import ContentVersion, FooterText, OrganisationSettings

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MENUS = {
    "da": ["Partnerskab med GIID", "GIID-netværket", "Workshops", "Samarbejde med Lund"],
    "sv": ["Partnerskap med GIID", "GIID-nätverket", "Workshoppar", "Samarbete med Lund"],
    "en": ["Partnership with GIID", "The GIID network", "Workshops", "Collaboration with Lund"],
}


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_menu_lists_the_pages_shown_in_menus_in_the_visitors_language(client, site_content, language):
    menu = html(client, f"/{language}/").select_one("nav.main-menu")
    assert [link.get_text() for link in menu.select("a")] == MENUS[language]
    assert not menu.select("a[lang]")
    assert all(link["href"].startswith(f"/{language}/") for link in menu.select("a"))


def test_menu_marks_the_current_page_and_its_section(client, site_content):
    menu = html(client, site_content.page("giid-network").url).select_one("nav.main-menu")
    current = menu.select('a[aria-current="page"]')
    assert [link.get_text() for link in current] == ["GIID-netværket"]
    assert "main-menu__item--section" in menu.select_one("li").attrs["class"]


def test_breadcrumbs_lead_from_home_to_the_page(client, site_content):
    page = html(client, site_content.page("giid-network", "sv").url)
    crumbs = page.select("nav.breadcrumbs li a")
    assert [crumb.get_text() for crumb in crumbs] == ["Startsida", "Partnerskap med GIID", "GIID-nätverket"]
    assert crumbs[-1]["aria-current"] == "page"


def test_home_page_has_no_breadcrumbs(client, site_content):
    assert html(client, "/da/").select_one("nav.breadcrumbs") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_has_the_translated_text_the_organisations_facts_and_the_legal_pages(client, site_content, language):
    settings = OrganisationSettings.for_site(site_content.page("home").get_site())
    settings.address = "Eksempelvej 1\n2800 Kongens Lyngby"
    settings.email = "kontakt@sciencecity.invalid"
    settings.linkedin_url = "https://www.linkedin.com/company/example"
    settings.save()

    footer = html(client, f"/{language}/").select_one("footer")
    text = {
        "da": "Science City Lyngby arbejder for", "sv": "Science City Lyngby arbetar för", "en": "Science City Lyngby works to build"
    }[language]
    assert text in footer.select_one(".site-footer__text").get_text()
    address = footer.address.get_text(" ", strip=True)
    assert "Eksempelvej 1" in address and "2800 Kongens Lyngby" in address
    assert footer.select_one('a[href="mailto:kontakt@sciencecity.invalid"]')
    assert footer.select_one('a[href="https://www.linkedin.com/company/example"]')
    legal = [link.get_text() for link in footer.select(".site-footer__legal a")]
    assert legal == {
        "da": ["Tilgængelighedserklæring", "Privatlivspolitik"],
        "sv": ["Tillgänglighetsredogörelse", "Integritetspolicy"],
        "en": ["Accessibility statement", "Privacy policy"],
    }[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_building_the_chrome_takes_a_fixed_number_of_queries(site_content, django_assert_max_num_queries, language):
    from navigation.chrome import build_chrome

    site = site_content.page("home").get_site()
    # The locale's home page, the private sections, the tree, one query per page type in it, the site
    # root paths (once, from the cache: a query where the cache is the database), the footer text, the
    # settings and when content next changes by itself (a workshop's end, a page's expiry).
    with django_assert_max_num_queries(CHROME_BUILD_QUERIES):
        chrome = build_chrome(site, language)
    assert chrome.menu and chrome.legal and chrome.footer_html


CHROME_BUILD_QUERIES = 15


@pytest.mark.parametrize("key", ["home", "giid-partnership", "giid-network", "lund-collaboration", "privacy-policy"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_breadcrumbs_and_footer_cost_no_queries_once_cached(client, site_content, key, language):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = site_content.page(key, language).url
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert response.status_code == 200
    chrome_tables = ("sciencecity_footertext", "sciencecity_organisationsettings")
    assert not [query for query in warm.captured_queries if any(table in query["sql"] for table in chrome_tables)]


def test_publishing_a_page_changes_the_menu_at_once(client, site_content):
    client.get("/da/")
    page = site_content.page("lund-collaboration")
    page.menu_title = "Lund og Future by Lund"
    page.save_revision().publish()
    assert "Lund og Future by Lund" in html(client, "/da/").select_one("nav.main-menu").get_text()


def cache_the_chrome_in_another_worker(site) -> str:
    """What another process serving a page does meanwhile: read the rows committed so far, cache their chrome
    under the content version committed so far, and return that version.

    A thread of its own has its own database connection, which sees only what is committed.
    """
    import threading

    from django.db import connections

    from navigation.chrome import get_chromes

    seen = {}

    def serve():
        try:
            seen["version"] = ContentVersion.current()
            get_chromes(site, seen["version"])
        finally:
            connections.close_all()

    worker = threading.Thread(target=serve)
    worker.start()
    worker.join()
    return seen["version"]


@pytest.mark.postgresql
@pytest.mark.redis
def test_a_menu_cached_by_another_worker_before_the_publish_commits_is_forgotten_after_it(
    client, site_content, django_capture_on_commit_callbacks
):
    """The race a shared cache (Redis) opens: a worker that read the old rows just before the commit caches the old
    menu; it stays under the old content version, which the publish replaced in its transaction, so it is never
    served after the commit."""
    from django.core.cache import cache

    from navigation.chrome import chrome_key

    page = site_content.page("lund-collaboration")
    site = page.get_site()
    with django_capture_on_commit_callbacks(execute=True):
        page.menu_title = "Lund og Future by Lund"
        page.save_revision().publish()
        version = cache_the_chrome_in_another_worker(site)
        stale = cache.get(chrome_key(site.pk, "da", version))
        assert stale is not None and "Lund og Future by Lund" not in [link.title for link in stale.menu]
    assert "Lund og Future by Lund" in html(client, "/da/").select_one("nav.main-menu").get_text()


def test_saving_the_footer_text_changes_the_footer_at_once(client, site_content):
    client.get("/sv/")
    footer = FooterText.objects.get(locale__language_code="sv")
    footer.text = "<p>Ny sidfotstext</p>"
    footer.save()
    assert "Ny sidfotstext" in html(client, "/sv/").select_one("footer").get_text()
    assert "Ny sidfotstext" not in html(client, "/da/").select_one("footer").get_text()
