"""The GIID network's districts: the seed's data, the directory with its filters and map, district pages."""

import pytest
from django.conf import settings
from bs4 import BeautifulSoup

from districts.models import District, Role
from sciencecity.signals import content_changed
from tests.districts.maps import markers

pytestmark = pytest.mark.django_db

SEED_MEMBERS = {
    "Cleveland Health-Tech Corridor": ("Cleveland", "US"),
    "Galway City Innovation District": ("Galway", "IE"),
    "Grand Canal Innovation District": ("Dublin", "IE"),
    "Halifax Innovation District": ("Halifax", "CA"),
    "Liverpool Innovation Precinct": ("Liverpool", "AU"),
    "MaRS Discovery District": ("Toronto", "CA"),
    "MIND – Milano Innovation District": ("Milano", "IT"),  # "Milan" in the source (and in English), Milano to Danes and Swedes
    "Monash Technology Precinct": ("Melbourne", "AU"),
    "DistritoTec": ("Monterrey", "MX"),
    "Technology Square": ("Atlanta", "US"),
    "Tonsley Innovation District": ("Adelaide", "AU"),
    "uCity Square": ("Philadelphia", "US"),
}
PARTNERS = {"Science City Lyngby": ("Kongens Lyngby", "DK", Role.NETWORK_PARTNER), "Future by Lund": ("Lund", "SE", Role.PARTNER)}


def soup(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_seeds_twelve_members_and_two_partners_as_data(site_content, language):
    districts = District.objects.filter(locale__language_code=language)
    members = {d.name: (d.city, d.country.code) for d in districts.filter(role=Role.MEMBER)}
    partners = {d.name: (d.city, d.country.code, d.role) for d in districts.partners()}
    city = {"en": {"Milano": "Milan"}}.get(language, {})
    assert members == {name: (city.get(town, town), country) for name, (town, country) in SEED_MEMBERS.items()}
    assert partners == PARTNERS
    assert not districts.partners().filter(joined_year__isnull=False).exists()


def test_directory_lists_every_member_with_a_map(client, site_content):
    html = soup(client, site_content.page("giid-network").url)
    names = [link.get_text() for link in html.select(".district-card__name a")]
    assert sorted(names) == sorted(SEED_MEMBERS)
    assert html.select_one('.district-card__name a[lang="es"]').get_text() == "DistritoTec"


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"country": "IE"}, {"Galway City Innovation District", "Grand Canal Innovation District"}),
        ({"country": "au"}, {"Liverpool Innovation Precinct", "Monash Technology Precinct", "Tonsley Innovation District"}),
        ({"continent": "europe"}, {"Galway City Innovation District", "Grand Canal Innovation District",
                                   "MIND – Milano Innovation District"}),
        ({"continent": "north-america", "country": "CA"}, {"Halifax Innovation District", "MaRS Discovery District"}),
    ],
)
def test_directory_filters_by_country_and_continent(client, site_content, params, expected):
    html = soup(client, site_content.page("giid-network").url, **params)
    assert {link.get_text() for link in html.select(".district-card__name a")} == expected
    # Science City Lyngby and Future by Lund are on the map too, wherever the filter takes in Europe.
    partners = 2 if params.get("continent") == "europe" and "country" not in params else 0
    assert sum(count for _href, _label, count, _x, _y in markers(html)) == len(expected) + partners
    assert html.select_one(".directory__summary")


@pytest.mark.parametrize(
    "params,message",
    [
        ({"country": "XX"}, "Vi kender ikke landet"),
        ({"continent": "mars"}, "Vi kender ikke verdensdelen"),
        ({"country": "FR"}, None),
    ],
)
def test_an_unknown_or_empty_filter_gives_an_empty_explained_result(client, site_content, params, message):
    html = soup(client, site_content.page("giid-network").url, **params)
    assert html.select(".district-card") == []
    result = html.select_one(".directory__result").get_text()
    assert "Ingen distrikter matcher dit valg" in result
    if message:
        assert message in result


def test_filter_form_works_without_javascript_and_is_labelled(client, site_content):
    html = soup(client, site_content.page("giid-network", "sv").url)
    form = html.select_one("form.directory-filters")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert html.select_one(f'label[for="{select["id"]}"]')
    assert {option["value"] for option in form.select('select[name="country"] option')} == {
        "", "US", "IE", "CA", "AU", "IT", "MX"
    }


def test_map_has_a_linked_named_marker_for_every_member(client, site_content):
    network = site_content.page("giid-network")
    html = soup(client, network.url)
    found = markers(html)
    assert sum(count for _href, _label, count, _x, _y in found) == 12 + 2  # the participants, and the two partners
    for href, label, count, x, y in found:
        assert href.startswith(network.url)
        assert label.count(",") >= 2 if count == 1 else label.startswith(f"{count} distrikter: ")
        assert 0 < x < 1000 and 0 < y < 445
    html = soup(client, network.url, continent="north-america")
    toronto = next(marker for marker in markers(html) if marker[1].startswith("MaRS"))
    html = soup(client, network.url, continent="europe")
    milano = next(marker for marker in markers(html) if marker[1].startswith("MIND"))
    assert toronto[3] < milano[3] and toronto[4] > milano[4]


@pytest.mark.parametrize("language,other", [(a, b) for a, _ in settings.LANGUAGES for b, _ in settings.LANGUAGES if a != b])
def test_district_pages_answer_in_both_languages_and_point_at_each_other(client, site_content, language, other):
    network, network_other = site_content.page("giid-network", language), site_content.page("giid-network", other)
    url, other_url = f"{network.url}mars-discovery-district/", f"{network_other.url}mars-discovery-district/"
    html = soup(client, url)
    assert html.html["lang"] == language
    assert html.h1.get_text() == "MaRS Discovery District" and html.h1["lang"] == "en"
    assert html.select_one(f'nav.language-switcher a[hreflang="{other}"]')["href"] == other_url
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"]')}
    assert alternates[other] == f"http://testserver{other_url}"
    assert html.select_one('link[rel="canonical"]')["href"] == f"http://testserver{url}"
    assert [a.get_text() for a in html.select("nav.breadcrumbs a")][-1] == "MaRS Discovery District"


def test_district_page_has_organisation_and_place_json_ld(client, site_content):
    import json

    html = soup(client, f"{site_content.page('giid-network').url}distritotec/")
    (data,) = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]') if '"Place"' in s.string]
    assert data["@type"] == ["Organization", "Place"]
    assert data["name"] == "DistritoTec"
    assert data["address"]["addressLocality"] == "Monterrey" and data["address"]["addressCountry"] == "MX"
    assert data["geo"]["latitude"] == pytest.approx(25.6866)
    assert data["url"] == "https://distritotec.tec.mx/"
    assert data["memberOf"]["name"] == "Global Institute for Innovation Districts"


def test_unknown_district_is_a_404(client, site_content):
    assert client.get(f"{site_content.page('giid-network').url}findes-ikke/").status_code == 404


def test_sitemap_lists_the_district_routes_with_alternates(client, site_content):
    body = client.get("/sitemap.xml").content.decode()
    da_url = f"http://testserver{site_content.page('giid-network', 'da').url}tonsley-innovation-district/"
    sv_url = f"http://testserver{site_content.page('giid-network', 'sv').url}tonsley-innovation-district/"
    assert f"<loc>{da_url}</loc>" in body and f"<loc>{sv_url}</loc>" in body
    assert f'hreflang="sv" href="{sv_url}"' in body


def test_the_partnership_page_lists_the_members_with_links(client, site_content):
    html = soup(client, site_content.page("giid-partnership", "sv").url)
    members = html.select(".member-list li")
    assert len(members) == 12
    assert members[0].a["href"].startswith(site_content.page("giid-network", "sv").url)


def add_districts(count, locale):
    District.objects.bulk_create(
        District(
            name=f"Distrikt {number}", slug=f"distrikt-{number}", city="By", country="DK", continent="europe",
            latitude=55, longitude=12, locale=locale,
        )
        for number in range(count)
    )
    # bulk_create sends no post_save, so say what a save in the admin or the import would have said.
    content_changed()


def test_network_page_needs_the_same_queries_for_12_and_120_districts(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    network = site_content.page("giid-network")
    client.get(network.url)
    with CaptureQueriesContext(connection) as small:
        client.get(network.url)
    add_districts(108, network.locale)  # members, with the seed's twelve: 120 in the directory
    client.get(network.url)
    with CaptureQueriesContext(connection) as large:
        html = BeautifulSoup(client.get(network.url).content, "html.parser")
    assert len(html.select(".district-card")) == 120
    assert len(large) == len(small)
