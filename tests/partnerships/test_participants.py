"""The GIID network's participants are exactly the source's twelve; Lyngby and Lund appear only as themselves.

Science City Lyngby and Future by Lund say what they are wherever they
appear, in every language: on the network page, on the map (apart from the
participants, with a legend), in search and on their own pages. Science City
Lyngby is the GIID network's partner since 2019; Future by Lund, Lund
municipality's innovation unit, Science City Lyngby's partner since summer 2019.
"""

import pytest
from bs4 import BeautifulSoup

from tests.districts.maps import labels_reached, page_soup

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
# How a Danish and a Swedish reader write the source's English place names; an English reader writes them as the
# source does.
CITIES = {"da": {"Milan": "Milano"}, "sv": {"Milan": "Milano"}, "en": {}}
COUNTRIES = {
    "en": {country: country for country in ("USA", "Ireland", "Canada", "Australia", "Italy", "Mexico")},
    "da": {"USA": "USA", "Ireland": "Irland", "Canada": "Canada", "Australia": "Australien", "Italy": "Italien",
           "Mexico": "Mexico"},
    "sv": {"USA": "USA", "Ireland": "Irland", "Canada": "Kanada", "Australia": "Australien", "Italy": "Italien",
           "Mexico": "Mexiko"},
}
NOT_PARTICIPANTS = {"Science City Lyngby", "Future by Lund"}
LANGUAGES = ["da", "sv", "en"]
# Each partner's role, as every place that shows it names it.
ROLES = {
    "science-city-lyngby": {"da": "Partner i GIID-netværket", "sv": "Partner i GIID-nätverket",
                            "en": "Partner of the GIID network"},
    "future-by-lund": {"da": "Samarbejdspartner for Science City Lyngby", "sv": "Samarbetspartner till Science City Lyngby",
                       "en": "Partner of Science City Lyngby"},
}
PARTICIPANT = {"da": "Deltager i GIID-netværket", "sv": "Deltagare i GIID-nätverket", "en": "Participant in the GIID network"}
# What each partner's own description says it is, beside its role.
DESCRIPTIONS = {
    "science-city-lyngby": {"da": "indgik i 2019 et partnerskab med GIID-netværket",
                            "sv": "ingick 2019 ett partnerskap med GIID-nätverket",
                            "en": "entered into a partnership with the GIID network in 2019"},
    "future-by-lund": {"da": "Lunds kommunes innovationsafdeling. Science City Lyngby har samarbejdet med Future by "
                             "Lund siden sommeren 2019.",
                       "sv": "Lunds kommuns innovationsavdelning. Science City Lyngby har samarbetat med Future by Lund "
                             "sedan sommaren 2019.",
                       "en": "Lund Municipality's innovation unit. Science City Lyngby has worked with Future by Lund "
                             "since summer 2019."},
}
PLACES = {"science-city-lyngby": {"da": "Kongens Lyngby, Danmark", "sv": "Kongens Lyngby, Danmark",
                                  "en": "Kongens Lyngby, Denmark"},
          "future-by-lund": {"da": "Lund, Sverige", "sv": "Lund, Sverige", "en": "Lund, Sweden"}}
NAMES = {"science-city-lyngby": "Science City Lyngby", "future-by-lund": "Future by Lund"}


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_of_participants_is_the_sources_twelve(client, site_content, language):
    html = soup(client, site_content.page("giid-network", language).url)
    directory = html.select_one("section.directory")
    assert directory.h2.get_text(strip=True) == {
        "da": "Deltagere i GIID-netværket", "sv": "Deltagare i GIID-nätverket", "en": "Participants in the GIID network"
    }[language]
    cards = directory.select(".district-list .district-card")
    shown = {
        (card.select_one(".district-card__name").get_text(strip=True), card.select_one(".district-card__place").get_text(strip=True))
        for card in cards
    }
    assert len(cards) == 12
    assert shown == expected(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_shows_the_twelve_participants_and_the_two_partners_apart(client, site_content, language):
    labels = labels_reached(client, site_content.page("giid-network", language).url)
    partners = {f"{NAMES[slug]} ({ROLES[slug][language]}), {PLACES[slug][language]}" for slug in ROLES}
    assert labels == {f"{name}, {place}" for name, place in expected(language)} | partners


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_partnership_page_lists_the_twelve_under_participants(client, site_content, language):
    html = soup(client, site_content.page("giid-partnership", language).url)
    heading = next(h for h in html.select("h2") if h.get_text(strip=True).startswith(("Deltagere", "Deltagare", "Participants")))
    items = heading.find_parent("section").select(".member-list li")
    shown = {(item.select_one("a, span").get_text(strip=True), item.get_text(strip=True).split(", ", 1)[1]) for item in items}
    assert shown == expected(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lyngby_and_lund_appear_apart_labelled_and_not_as_participants(client, site_content, language):
    html = soup(client, site_content.page("giid-network", language).url)
    participants = html.select_one("section.directory .district-list").get_text()
    for name in NOT_PARTICIPANTS:
        assert name not in participants
    partners = html.select_one("section.partners")
    assert partners is not None and "directory" not in partners.get("class", [])
    assert not partners.find_parent("section", class_="directory")
    names = {card.select_one(".partner-card__name").get_text(strip=True) for card in partners.select(".partner-card")}
    assert names == NOT_PARTICIPANTS
    cards = {card.select_one(".partner-card__name a")["href"].rstrip("/").rsplit("/", 1)[1]: card
             for card in partners.select(".partner-card")}
    for slug, card in cards.items():
        assert card.select_one(".partner-card__label").get_text(strip=True) == ROLES[slug][language]
        assert DESCRIPTIONS[slug][language] in card.select_one(".partner-card__description").get_text()
    assert list(cards) == ["science-city-lyngby", "future-by-lund"]


def test_no_seeded_workshop_claims_a_participant_or_a_topic_beyond_its_title(site_content):
    from workshops.models import Workshop

    titled = {"inclusive-innovation": ["social-inclusion"], "investing-in-startups": ["startups"]}
    for workshop in Workshop.objects.filter(slug__in=list(titled)):
        assert list(workshop.districts.all()) == []
        assert [topic.slug for topic in workshop.topics.all()] == titled[workshop.slug]


def partner_markers(html):
    """The map's partner markers (diamonds) by accessible name, and the legend's entries."""
    markers = {link["aria-label"] for link in html.select("svg.world-map__svg a.world-map__marker--partner")}
    dots = {link["aria-label"] for link in html.select("svg.world-map__svg a.world-map__marker:not(.world-map__marker--partner)")}
    legend = [item.get_text(" ", strip=True) for item in html.select(".world-map__legend li")]
    return markers, dots, legend


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", ["giid-network", "home"])
def test_the_maps_set_the_partners_apart_with_a_legend(client, site_content, language, key):
    html = page_soup(client, site_content.page(key, language).url)
    markers, dots, legend = partner_markers(html)
    partners = {f"{NAMES[slug]} ({ROLES[slug][language]}), {PLACES[slug][language]}" for slug in ROLES}
    # Lyngby and Lund are close: at the world's scale they may share a cluster; either way each is reached apart.
    assert partners <= labels_reached(client, site_content.page("giid-network", language).url)
    assert markers <= partners and not (dots & partners)
    assert legend == [PARTICIPANT[language], {"da": "Science City Lyngby og samarbejdspartnere",
                                              "sv": "Science City Lyngby och samarbetspartner",
                                              "en": "Science City Lyngby and its partners"}[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_list_of_the_map_names_the_partners_roles(client, site_content, language):
    items = [li.get_text(" ", strip=True) for li in page_soup(client, site_content.page("home", language).url).select(".map-list li")]
    for slug in ROLES:
        assert f"{NAMES[slug]} ( {ROLES[slug][language]} )" in items or f"{NAMES[slug]} ({ROLES[slug][language]})" in items


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", list(ROLES))
def test_each_partners_own_page_says_what_it_is(client, site_content, language, slug):
    html = page_soup(client, f"{site_content.page('giid-network', language).url}{slug}/")
    facts = {item.dt.get_text(strip=True): item.dd.get_text(strip=True) for item in html.select(".facts__item")}
    assert facts[{"da": "Rolle", "sv": "Roll", "en": "Role"}[language]] == ROLES[slug][language]
    assert DESCRIPTIONS[slug][language] in html.select_one(".page-body").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_participants_page_says_it_is_one(client, site_content, language):
    html = page_soup(client, f"{site_content.page('giid-network', language).url}tonsley-innovation-district/")
    facts = {item.dt.get_text(strip=True): item.dd.get_text(strip=True) for item in html.select(".facts__item")}
    assert facts[{"da": "Rolle", "sv": "Roll", "en": "Role"}[language]] == PARTICIPANT[language]


@pytest.mark.parametrize("path,language", [("/da/soeg/", "da"), ("/sv/sok/", "sv"), ("/en/search/", "en")])
@pytest.mark.parametrize("slug,query", [("science-city-lyngby", "Science City Lyngby"), ("future-by-lund", "Future by Lund")])
def test_search_says_what_each_partner_is(client, site_content, path, language, slug, query):
    html = BeautifulSoup(client.get(path, {"q": query}).content, "html.parser")
    url = f"{site_content.page('giid-network', language).url}{slug}/"
    result = html.select_one(f'.search-result__title a[href="{url}"]').find_parent(class_="search-result")
    assert result.select_one(".search-result__kind").get_text() == ROLES[slug][language]
    assert DESCRIPTIONS[slug][language] in result.select_one(".search-result__excerpt").get_text()
