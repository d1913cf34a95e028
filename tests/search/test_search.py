"""Search in the visitor's language: stemming per language (PostgreSQL's configurations, Snowball on SQLite), only that language's results."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db


def results(client, path, query, **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in html.select(".search-result__title a")], html


PATHS = [("/da/soeg/", "da"), ("/sv/sok/", "sv"), ("/en/search/", "en")]


def test_search_pages_have_translated_addresses(client, site_content):
    assert [language for _path, language in PATHS] == [code for code, _name in settings.LANGUAGES]
    for path, _language in PATHS:
        assert client.get(path).status_code == 200


def test_english_stemming_finds_challenge_for_challenges(client, site_content):
    urls, _html = results(client, "/en/search/", "challenges")
    assert site_content.page("giid-network", "en").url in urls


@pytest.mark.parametrize("path,language", PATHS)
def test_results_are_only_in_the_visitors_language(client, site_content, path, language):
    urls, html = results(client, path, "Lyngby")
    assert urls, "Science City Lyngby is on every page"
    assert all(url.startswith(f"/{language}/") for url in urls)
    assert html.html["lang"] == language


def test_each_result_has_a_title_an_excerpt_and_its_type(client, site_content):
    _urls, html = results(client, "/da/soeg/", "Lund")
    result = html.select_one(".search-result")
    assert result.select_one(".search-result__title a").get_text()
    assert result.select_one(".search-result__kind").get_text() == "Side"
    assert result.select_one(".search-result__excerpt").get_text()


def test_switcher_carries_the_search_to_the_other_language(client, site_content):
    _urls, html = results(client, "/da/soeg/", "Lund")
    assert html.select_one('nav.language-switcher a[hreflang="sv"]')["href"] == "/sv/sok/?q=Lund"


def test_danish_stemming_finds_byomraader_for_byomraaderne(client, site_content):
    urls, _html = results(client, "/da/soeg/", "byområderne")
    assert site_content.page("giid-partnership", "da").url in urls


def test_swedish_stemming_finds_deltagare_for_deltagarna(client, site_content):
    urls, _html = results(client, "/sv/sok/", "deltagarna")
    assert site_content.page("giid-partnership", "sv").url in urls


def test_a_danish_query_never_returns_swedish_pages_and_the_other_way_round(client, site_content):
    danish, _html = results(client, "/da/soeg/", "innovationsdistrikter")
    swedish, _html = results(client, "/sv/sok/", "innovationsdistrikt")
    assert danish and swedish
    assert all(url.startswith("/da/") for url in danish)
    assert all(url.startswith("/sv/") for url in swedish)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "Lund " * 2_000,
        "\"'<script>alert(1)</script>",
        "(((( AND OR NOT ))))",
        "!@#$%^&*()_+{}|:<>?~`-=[]\\;',./",
        "\x00\x01\x02",
        "💡🏙️",
        "SELECT * FROM wagtailcore_page; --",
    ],
    ids=["empty", "spaces", "10kB", "10kB-words", "html", "operators", "punctuation", "control", "emoji", "sql"],
)
def test_junk_queries_get_a_normal_page(client, site_content, query):
    response = client.get("/da/soeg/", {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".search-results")
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_very_long_query_is_shortened_and_the_visitor_told(client, site_content):
    _urls, html = results(client, "/sv/sok/", "Lund " * 2_000)
    assert "längre än 200 tecken" in html.select_one(".notice").get_text()


def test_non_utf8_query_bytes_get_a_normal_page(client, site_content):
    response = client.get("/da/soeg/?q=%ff%fe%fdLund")
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["0", "-3", "999999999", "abc", "1.5", "", "9" * 400])
def test_absurd_page_numbers_get_a_normal_page(client, site_content, page):
    response = client.get("/da/soeg/", {"q": "Lyngby", "page": page})
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select(".search-result")


def test_empty_query_explains_what_to_do(client, site_content):
    _urls, html = results(client, "/da/soeg/", "")
    assert "Skriv et eller flere ord" in html.select_one(".search-results").get_text()


def test_no_results_says_so_helpfully(client, site_content):
    _urls, html = results(client, "/sv/sok/", "zyxwvutsrq")
    assert "Inga resultat" in html.select_one(".search-results").get_text()


@pytest.mark.parametrize(
    "path,language,kind",
    [("/da/soeg/", "da", "Deltager i GIID-netværket"), ("/sv/sok/", "sv", "Deltagare i GIID-nätverket"),
     ("/en/search/", "en", "Participant in the GIID network")],
)
def test_districts_are_found_in_the_visitors_language(client, site_content, path, language, kind):
    urls, html = results(client, path, "Tonsley")
    district = f"{site_content.page('giid-network', language).url}tonsley-innovation-district/"
    # The partnership page lists the network's members, so it is found too.
    assert urls == [site_content.page("giid-partnership", language).url, district]
    result = html.select_one(f'.search-result__title a[href="{district}"]').find_parent(class_="search-result")
    assert result.select_one(".search-result__kind").get_text() == kind


def test_workshops_are_found_in_the_visitors_language(client, site_content):
    urls, html = results(client, "/sv/sok/", "Investing")
    assert f"{site_content.page('giid-workshops', 'sv').url}investing-in-startups/" in urls
    assert "Workshop eller peer-session" in [kind.get_text() for kind in html.select(".search-result__kind")]


def test_private_pages_and_what_they_list_are_never_found_until_opened_again(client, site_content):
    from wagtail.models import PageViewRestriction

    network = site_content.page("giid-network")
    district = f"{network.url}tonsley-innovation-district/"
    assert district in results(client, "/da/soeg/", "Tonsley")[0] and network.url in results(client, "/da/soeg/", "GIID-netværket")[0]
    restriction = PageViewRestriction.objects.create(page=network, restriction_type="password", password="hemmelig")
    assert not [url for url in results(client, "/da/soeg/", "Tonsley")[0] if url.startswith(network.url)]
    assert network.url not in results(client, "/da/soeg/", "GIID-netværket")[0]
    restriction.delete()
    assert district in results(client, "/da/soeg/", "Tonsley")[0]


@pytest.mark.parametrize("path", ["/da/soeg/", "/sv/sok/"])
def test_a_search_costs_one_query_per_source_once_the_chrome_is_cached(client, site_content, path):
    """Pages, districts, workshops and topics: one full-text query each, after the content's version (which
    keys the cache); titles, addresses and the locale come from the chrome, which topics a workshop discussed
    from the shared cache."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sciencecity import registry

    client.get(path, {"q": "Lyngby"})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, {"q": "Lyngby"}).status_code == 200
    # The shared cache is a database table in tests; its reads are not the page's queries.
    sql = [query["sql"] for query in queries.captured_queries if "sciencecity_cache" not in query["sql"]]
    version, *searches = sql
    assert "sciencecity_contentversion" in version, sql
    assert len(searches) == len(registry.search_sources) == 4, sql
    assert all("MATCH" in query or "@@" in query for query in searches), sql


def draft_district(language="da"):
    """A new district saved as a draft (not live), as an editor's unpublished work is."""
    from wagtail.models import Locale

    from districts.models import District

    return District.objects.create(
        name="Zanzibar Kvartersdistrikt", slug="zanzibar-kvartersdistrikt", city="Stone Town", country="TZ",
        continent="africa", latitude=-6.16, longitude=39.19, locale=Locale.objects.get(language_code=language), live=False,
    )


def draft_workshop(language="da"):
    """A new workshop saved as a draft (not live)."""
    from wagtail.models import Locale

    from workshops.models import Kind, Workshop

    return Workshop.objects.create(
        title="Zanzibar-værksted om kvarterer", slug="zanzibar-vaerksted", kind=Kind.PEER_SESSION,
        locale=Locale.objects.get(language_code=language), live=False,
    )


@pytest.mark.parametrize(("make", "listing"), [(draft_district, "giid-network"), (draft_workshop, "giid-workshops")],
                         ids=["district", "workshop"])
def test_a_district_or_workshop_that_is_not_live_is_never_found(client, site_content, make, listing):
    draft = make()
    address = f"{site_content.page(listing).url}{draft.slug}/"
    assert address not in results(client, "/da/soeg/", "Zanzibar")[0]
    # The same object, once published, is found: the draft is indexed, only its state keeps it out.
    draft.live = True
    draft.save()
    assert address in results(client, "/da/soeg/", "Zanzibar")[0]
