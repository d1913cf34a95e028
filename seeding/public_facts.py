"""Stable public facts the seeded content states beyond the organisation's own text, each with its source.

Everything else the seed says is in the organisation's page about the GIID
partnership, or is written by editors in the admin. Editors review this file:
a fact whose source they cannot confirm is removed here, and the seed then
leaves the field empty instead of guessing.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """A value and where anyone can check it."""

    value: str
    source: str


OWN_SITE = "the organisation's own website, at this address"

# Official web addresses. A participant without one here gets no website in the seed.
WEBSITES = {
    "giid": Fact("https://www.giid.org/", OWN_SITE),
    "science-city-lyngby": Fact("https://www.sciencecitylyngby.dk/", OWN_SITE),
    "future-by-lund": Fact("https://futurebylund.se/", OWN_SITE),
    "cleveland-health-tech-corridor": Fact("https://www.healthtechcorridor.com/", OWN_SITE),
    "mars-discovery-district": Fact("https://www.marsdd.com/", OWN_SITE),
    "mind-milano-innovation-district": Fact("https://www.mindmilano.it/", OWN_SITE),
    "distritotec": Fact("https://distritotec.tec.mx/", OWN_SITE),
    "tonsley-innovation-district": Fact("https://tonsley.com.au/", OWN_SITE),
    "ucity-square": Fact("https://ucitysquare.com/", OWN_SITE),
}

GAZETTEER = "the city centre's coordinates in a public gazetteer (e.g. GeoNames), rounded; the map shows cities only"

# (latitude, longitude) of the cities the seed names, for the map's markers.
CITY_POSITIONS = {
    "Cleveland": Fact(("41.49930", "-81.69440"), GAZETTEER),
    "Galway": Fact(("53.27070", "-9.05680"), GAZETTEER),
    "Dublin": Fact(("53.34980", "-6.26030"), GAZETTEER),
    "Halifax": Fact(("44.64880", "-63.57520"), GAZETTEER),
    "Liverpool": Fact(("-33.92060", "150.92380"), GAZETTEER),  # Liverpool, New South Wales
    "Toronto": Fact(("43.65320", "-79.38320"), GAZETTEER),
    "Milano": Fact(("45.46420", "9.19000"), GAZETTEER),
    "Melbourne": Fact(("-37.81360", "144.96310"), GAZETTEER),
    "Monterrey": Fact(("25.68660", "-100.31610"), GAZETTEER),
    "Atlanta": Fact(("33.74900", "-84.38800"), GAZETTEER),
    "Adelaide": Fact(("-34.92850", "138.60070"), GAZETTEER),
    "Philadelphia": Fact(("39.95260", "-75.16520"), GAZETTEER),
    "Kongens Lyngby": Fact(("55.77040", "12.50380"), GAZETTEER),
    "Lund": Fact(("55.70470", "13.19100"), GAZETTEER),
}


def website(key: str) -> str:
    """The official web address listed under ``key``, or "" when none is listed."""
    fact = WEBSITES.get(key)
    return fact.value if fact else ""
