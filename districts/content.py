"""The GIID network's participants as the organisation's page lists them, plus the two partners.

The source page runs its list together ("… Dublin, Ireland Halifax Innovation
District, …", "… Melbourne, AustraliaDistritoTec, …"); here every district is
its own record. Positions are the cities' (city-level, for the map). Websites
are given where they are public knowledge and left empty otherwise; the
members' descriptions are left for editors rather than invented.
"""

from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale

from seeding.tools import Translated, ensure_snippet, ensure_translation

from .models import Continent, District, Role

NA, EU, OC = Continent.NORTH_AMERICA, Continent.EUROPE, Continent.OCEANIA

# slug: (name, city, country, continent, latitude, longitude, website, name language)
MEMBERS = {
    "cleveland-health-tech-corridor": (
        "Cleveland Health-Tech Corridor", "Cleveland", "US", NA, "41.49930", "-81.69440",
        "https://www.healthtechcorridor.com/", "en",
    ),
    "galway-city-innovation-district": (
        "Galway City Innovation District", "Galway", "IE", EU, "53.27070", "-9.05680", "", "en",
    ),
    "grand-canal-innovation-district": (
        "Grand Canal Innovation District", "Dublin", "IE", EU, "53.34980", "-6.26030", "", "en",
    ),
    "halifax-innovation-district": (
        "Halifax Innovation District", "Halifax", "CA", NA, "44.64880", "-63.57520", "", "en",
    ),
    "liverpool-innovation-precinct": (
        "Liverpool Innovation Precinct", "Liverpool", "AU", OC, "-33.92060", "150.92380", "", "en",
    ),
    "mars-discovery-district": (
        "MaRS Discovery District", "Toronto", "CA", NA, "43.65320", "-79.38320", "https://www.marsdd.com/", "en",
    ),
    "mind-milano-innovation-district": (
        "MIND – Milano Innovation District", "Milan", "IT", EU, "45.46420", "9.19000", "https://www.mindmilano.it/", "en",
    ),
    "monash-technology-precinct": (
        "Monash Technology Precinct", "Melbourne", "AU", OC, "-37.81360", "144.96310", "", "en",
    ),
    "distritotec": (
        "DistritoTec", "Monterrey", "MX", NA, "25.68660", "-100.31610", "https://distritotec.tec.mx/", "es",
    ),
    "technology-square": (
        "Technology Square", "Atlanta", "US", NA, "33.74900", "-84.38800", "", "en",
    ),
    "tonsley-innovation-district": (
        "Tonsley Innovation District", "Adelaide", "AU", OC, "-34.92850", "138.60070", "https://tonsley.com.au/", "en",
    ),
    "ucity-square": (
        "uCity Square", "Philadelphia", "US", NA, "39.95260", "-75.16520", "https://ucitysquare.com/", "en",
    ),
}

PARTNERS = {
    "science-city-lyngby": {
        "name": "Science City Lyngby",
        "city": "Kongens Lyngby",
        "country": "DK",
        "continent": EU,
        "latitude": Decimal("55.77040"),
        "longitude": Decimal("12.50380"),
        "website": "https://www.sciencecitylyngby.dk/",
        "name_language": "en",
        "joined_year": 2019,
        "short_description": Translated(
            "Science City Lyngby arbejder for et økosystem for innovation i verdensklasse i vores region og har "
            "været partner i GIID-netværket siden 2019.",
            "Science City Lyngby arbetar för ett ekosystem för innovation i världsklass i vår region och har "
            "varit partner i GIID-nätverket sedan 2019.",
        ),
    },
    "future-by-lund": {
        "name": "Future by Lund",
        "city": "Lund",
        "country": "SE",
        "continent": EU,
        "latitude": Decimal("55.70470"),
        "longitude": Decimal("13.19100"),
        "website": "https://futurebylund.se/",
        "name_language": "en",
        "joined_year": None,
        "short_description": Translated(
            "Lunds kommunes innovationsafdeling. Science City Lyngby har samarbejdet med Future by Lund siden "
            "sommeren 2019.",
            "Lunds kommuns innovationsavdelning. Science City Lyngby har samarbetat med Future by Lund sedan "
            "sommaren 2019.",
        ),
    },
}


def seeded_districts() -> dict[str, dict]:
    """Every seeded district's fields, by slug: the twelve members, then the two partners."""
    districts = {}
    for slug, (name, city, country, continent, latitude, longitude, website, language) in MEMBERS.items():
        districts[slug] = {
            "name": name,
            "city": city,
            "country": country,
            "continent": continent,
            "latitude": Decimal(latitude),
            "longitude": Decimal(longitude),
            "website": website,
            "name_language": language,
            "role": Role.MEMBER,
            "short_description": "",
        }
    for slug, fields in PARTNERS.items():
        districts[slug] = {**fields, "role": Role.PARTNER}
    return {slug: {"slug": slug, **fields} for slug, fields in districts.items()}


def load() -> list[str]:
    """Create the districts in Danish, then their Swedish versions through wagtail-localize, where missing."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    swedish = Locale.objects.get(language_code="sv")
    for slug, fields in seeded_districts().items():
        key = f"district:{slug}"
        district, new = ensure_snippet(District, key, fields, danish)
        if new:
            created.append(f"the district {district.name!r}")
        _translation, new = ensure_translation(district, key, fields, swedish)
        if new:
            created.append(f"the Swedish version of {district.name!r}")
    return created
