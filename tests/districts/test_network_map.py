"""The network's map on the network page and the home page: tappable, clustered, zoomed, and all in the list too."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from tests.districts.maps import labels_reached, markers, page_soup, view_box

pytestmark = pytest.mark.django_db

FILTERS = ["", "?continent=north-america", "?continent=europe", "?continent=oceania", "?country=AU", "?country=IE",
           "?country=CA&continent=north-america"]


def list_links(html):
    return {link["href"] for link in html.select(".district-card__name a, .partner-card__name a, .map-list a")}


# The partners the map shows beside the participants: those in the part of the world the filter shows.
PARTNERS_ON_MAP = {"": 2, "?continent=europe": 2}


@pytest.mark.parametrize("query", FILTERS)
def test_every_marker_is_a_link_in_the_list_and_every_listed_district_is_on_the_map(client, site_content, query):
    html = page_soup(client, site_content.page("giid-network").url + query)
    found = markers(html)
    assert {href for href, _label, count, _x, _y in found if count == 1} <= list_links(html)
    assert sum(count for _href, _label, count, _x, _y in found) == len(html.select(".district-card")) + PARTNERS_ON_MAP.get(query, 0)


@pytest.mark.parametrize("query", FILTERS)
def test_a_filtered_map_fits_its_districts_with_a_margin(client, site_content, query):
    html = page_soup(client, site_content.page("giid-network").url + query)
    left, top, width, height = view_box(html)
    radius = float(html.select_one("a.world-map__marker circle")["r"])
    for _href, _label, _count, x, y in markers(html):
        assert left + radius <= x <= left + width - radius
        assert top + radius <= y <= top + height - radius
    if query:
        assert width <= 250, "a filtered map shows its part of the world, not the whole world"
    assert width * 24 / 280 <= 2 * radius, "26 px across on a 280 px wide map: a 24 px touch target at 320 px"


def test_the_unfiltered_map_clusters_overlapping_markers_and_a_cluster_shows_its_districts_closer(client, site_content):
    network = site_content.page("giid-network")
    html = page_soup(client, network.url)
    clusters = [marker for marker in markers(html) if marker[2] > 1]
    assert clusters
    for href, label, count, _x, _y in clusters:
        assert html.select_one(f'a.world-map__marker[href="{href}"] text').get_text() == str(count)
        url = urlsplit(href)
        assert url.path == network.url and url.fragment == "network-map"
        assert set(parse_qs(url.query)) <= {"country", "continent"}
        closer = page_soup(client, href.split("#")[0])
        names = {link.get_text() for link in closer.select(".district-card__name a, .partner-card__name a")}
        assert sum(name in label for name in names) == count, "the closer view lists every district of the cluster"
        assert view_box(closer)[2] < view_box(html)[2]
    assert "Vælg tallet for at zoome ind." in html.select_one(".world-map figcaption").get_text()


def test_markers_in_one_country_that_no_filter_separates_are_spread_each_its_own_link(client, site_content):
    found = markers(page_soup(client, site_content.page("giid-network").url + "?country=IE"))
    assert [count for _href, _label, count, _x, _y in found] == [1, 1]
    (_h1, _l1, _c1, x1, y1), (_h2, _l2, _c2, x2, y2) = found
    assert (x1, y1) != (x2, y2)


def test_the_map_is_svg_drawn_here_with_no_script_and_nothing_from_elsewhere(client, site_content):
    html = page_soup(client, site_content.page("giid-network").url)
    svg = html.select_one("svg.world-map__svg")
    assert svg.select("script, image, foreignObject, use") == []
    assert all(link["href"].startswith("/") for link in svg.select("a"))
    assert html.select("script[src]") == []


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_home_page_opens_with_the_networks_map_beside_the_partnerships(client, site_content, language):
    html = page_soup(client, site_content.page("home", language).url)
    overview = html.select_one(".home-overview")
    assert overview.select_one(".network-overview svg.world-map__svg")
    assert len(overview.select(".features .card")) == 3
    network = site_content.page("giid-network", language)
    assert overview.select_one("#network-heading a")["href"] == network.url
    members = {link["href"] for link in overview.select(".map-list a")}
    # The twelve participants and the two partners, each on the map and in the list under it.
    assert len(members) == 14 and all(href.startswith(network.url) for href in members)
    found = markers(html)
    assert {href for href, _label, count, _x, _y in found if count == 1} <= members
    assert sum(count for _href, _label, count, _x, _y in found) == 14
    assert len(labels_reached(client, site_content.page("home", language).url)) == 14
