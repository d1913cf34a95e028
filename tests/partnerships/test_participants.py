"""The GIID network's participants are exactly the source's twelve; Lyngby and Lund appear only as themselves."""

import pytest
from bs4 import BeautifulSoup

from tests.districts.maps import labels_reached

pytestmark = pytest.mark.django_db

# "Deltagere i GIID-netværket" on the organisation's page, one entry per participant,
# as the page writes them (in English): name, city, country.
SOURCE_PARTICIPANTS = [
    ("Cleveland Health-Tech Corridor", "Cleveland", "USA"),
    ("Galway City Innovation District", "Galway", "Ireland"),
    ("Grand Canal Innovation District", "Dublin", "Ireland"),
    ("Halifax Innovation District", "Halifax", "Canada"),
    ("Liverpool Innovation Precinct", "Liverpool", "Australia"),
    ("MaRS Discovery District", "Toronto", "Canada"),
    ("MIND – Milano Innovation District", "Milan", "Italy"),
    ("Monash Technology Precinct", "Melbourne", "Australia"),
    ("DistritoTec", "Monterrey", "Mexico"),
    ("Technology Square", "Atlanta", "USA"),
    ("Tonsley Innovation District", "Adelaide", "Australia"),
    ("uCity Square", "Philadelphia", "USA"),
]
# How a Danish and a Swedish reader write the source's English place names.
CITIES = {"da": {"Milan": "Milano"}, "sv": {"Milan": "Milano"}}
COUNTRIES = {
    "da": {"USA": "USA", "Ireland": "Irland", "Canada": "Canada", "Australia": "Australien", "Italy": "Italien",
           "Mexico": "Mexico"},
    "sv": {"USA": "USA", "Ireland": "Irland", "Canada": "Kanada", "Australia": "Australien", "Italy": "Italien",
           "Mexico": "Mexiko"},
}
NOT_PARTICIPANTS = {"Science City Lyngby", "Future by Lund"}


def expected(language):
    """The source's participants as (name, "city, country") in the language."""
    return {
        (name, f"{CITIES[language].get(city, city)}, {COUNTRIES[language][country]}")
        for name, city, country in SOURCE_PARTICIPANTS
    }


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_directory_of_participants_is_the_sources_twelve(client, site_content, language):
    html = soup(client, site_content.page("giid-network", language).url)
    directory = html.select_one("section.directory")
    assert directory.h2.get_text(strip=True) == {"da": "Deltagere i GIID-netværket", "sv": "Deltagare i GIID-nätverket"}[language]
    cards = directory.select(".district-list .district-card")
    shown = {
        (card.select_one(".district-card__name").get_text(strip=True), card.select_one(".district-card__place").get_text(strip=True))
        for card in cards
    }
    assert len(cards) == 12
    assert shown == expected(language)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_map_shows_the_twelve_participants_only(client, site_content, language):
    labels = labels_reached(client, site_content.page("giid-network", language).url)
    assert labels == {f"{name}, {place}" for name, place in expected(language)}


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_partnership_page_lists_the_twelve_under_participants(client, site_content, language):
    html = soup(client, site_content.page("giid-partnership", language).url)
    heading = next(h for h in html.select("h2") if h.get_text(strip=True).startswith(("Deltagere", "Deltagare")))
    items = heading.find_parent("section").select(".member-list li")
    shown = {(item.select_one("a, span").get_text(strip=True), item.get_text(strip=True).split(", ", 1)[1]) for item in items}
    assert shown == expected(language)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_lyngby_and_lund_appear_apart_labelled_and_not_as_participants(client, site_content, language):
    html = soup(client, site_content.page("giid-network", language).url)
    participants = html.select_one("section.directory").get_text()
    for name in NOT_PARTICIPANTS:
        assert name not in participants
    partners = html.select_one("section.partners")
    assert partners is not None and "directory" not in partners.get("class", [])
    assert not partners.find_parent("section", class_="directory")
    names = {card.select_one(".partner-card__name").get_text(strip=True) for card in partners.select(".partner-card")}
    assert names == NOT_PARTICIPANTS
    for card in partners.select(".partner-card"):
        assert card.select_one(".partner-card__label").get_text(strip=True) == {
            "da": "Ikke deltager i GIID-netværket", "sv": "Inte deltagare i GIID-nätverket"
        }[language]


def test_no_seeded_workshop_claims_a_participant_or_a_topic(site_content):
    from workshops.models import Workshop

    for workshop in Workshop.objects.filter(slug__in=["inclusive-innovation", "investing-in-startups"]):
        assert list(workshop.districts.all()) == []
        assert list(workshop.topics.all()) == []
