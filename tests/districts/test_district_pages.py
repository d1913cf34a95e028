"""A district's page shows where it is and its neighbours; a map shown closer names its markers."""

import pytest

from tests.districts.maps import markers, page_soup

pytestmark = pytest.mark.django_db


def names(html):
    """The names written beside the map's markers."""
    return [text.get_text() for text in html.select("svg.world-map__svg text.world-map__name")]


def test_the_whole_world_map_names_no_marker_and_a_closer_one_names_them(client, site_content):
    network = site_content.page("giid-network", "en")
    assert names(page_soup(client, network.url)) == []
    closer = page_soup(client, f"{network.url}?continent=north-america")
    shown = names(closer)
    # Each name stands beside its own marker, and no name is written twice.
    assert {"DistritoTec", "Technology Square", "Cleveland Health-Tech Corridor"} <= set(shown)
    assert len(shown) == len(set(shown))
    for link in closer.select("a.world-map__marker"):
        name = link.select_one("text.world-map__name")
        if name is not None:
            assert name["aria-hidden"] == "true"  # the link's own name already says it
            assert name.get_text() in link["aria-label"]


def test_a_district_page_shows_where_it_is_and_its_nearest_neighbours(client, site_content):
    network = site_content.page("giid-network", "da")
    html = page_soup(client, f"{network.url}galway-city-innovation-district/")
    aside = html.select_one("aside.layout__aside")
    assert aside["aria-label"] == "Hvor distriktet ligger"
    ((href, label, count, _x, _y),) = markers(aside)
    assert href == f"{network.url}?country=IE#network-map" and count == 1
    assert label == "Galway City Innovation District, Galway, Irland: vis på netværkets kort"
    assert names(aside) == ["Galway City Innovation District"]
    neighbours = aside.select_one("#neighbours-heading").find_parent("section")
    assert neighbours.h2.get_text() == "Nærmest i netværket"
    links = [(a.get_text(), a["href"]) for a in neighbours.select("a")]
    assert links[0] == ("Grand Canal Innovation District", f"{network.url}grand-canal-innovation-district/")
    assert len(links) == 3 and "Galway City Innovation District" not in dict(links)


def test_neighbours_are_the_nearest_by_distance_in_the_visitors_language(client, site_content):
    network = site_content.page("giid-network", "sv")
    html = page_soup(client, f"{network.url}monash-technology-precinct/")
    neighbours = [a.get_text() for a in html.select("#neighbours-heading ~ ul a")]
    # Melbourne's nearest participants are in Australia: Adelaide, then Liverpool (Sydney).
    assert neighbours[:2] == ["Tonsley Innovation District", "Liverpool Innovation Precinct"]
    assert html.select_one("#neighbours-heading").get_text() == "Närmast i nätverket"
