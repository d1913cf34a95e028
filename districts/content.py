"""The GIID network's participants exactly as the organisation's page lists them, and the two partners apart.

The source page runs its list together ("… Dublin, Ireland Halifax Innovation
District, …", "… Melbourne, AustraliaDistritoTec, …"); here every participant
is its own record. Websites and the cities' positions are stable public facts,
kept with their sources in ``seeding/public_facts.py``; the participants'
descriptions are left for editors rather than invented. Science City Lyngby and
Future by Lund are not participants: they are partners, shown apart as such,
each with its own role: Science City Lyngby the GIID network's partner, Future
by Lund Science City Lyngby's. Cities are written as a reader of each language
writes them: the source's English "Milan" is Milano to a Danish or Swedish reader.
"""

from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale

from seeding.public_facts import CITY_POSITIONS, website
from seeding.tools import Revised, Translated, ensure_snippet, ensure_translation, outcome_line, seeded_target_locales

from .models import Continent, District, Role

NA, EU, OC = Continent.NORTH_AMERICA, Continent.EUROPE, Continent.OCEANIA

# slug: (name, city, country, continent, name language)
MEMBERS = {
    "cleveland-health-tech-corridor": ("Cleveland Health-Tech Corridor", "Cleveland", "US", NA, "en"),
    "galway-city-innovation-district": ("Galway City Innovation District", "Galway", "IE", EU, "en"),
    "grand-canal-innovation-district": ("Grand Canal Innovation District", "Dublin", "IE", EU, "en"),
    "halifax-innovation-district": ("Halifax Innovation District", "Halifax", "CA", NA, "en"),
    "liverpool-innovation-precinct": ("Liverpool Innovation Precinct", "Liverpool", "AU", OC, "en"),
    "mars-discovery-district": ("MaRS Discovery District", "Toronto", "CA", NA, "en"),
    "mind-milano-innovation-district": (
        "MIND – Milano Innovation District", Translated("Milano", "Milano", "Milan", earlier={"en": "Milano"}), "IT", EU, "en"
    ),
    "monash-technology-precinct": ("Monash Technology Precinct", "Melbourne", "AU", OC, "en"),
    "distritotec": ("DistritoTec", "Monterrey", "MX", NA, "es"),
    "technology-square": ("Technology Square", "Atlanta", "US", NA, "en"),
    "tonsley-innovation-district": ("Tonsley Innovation District", "Adelaide", "AU", OC, "en"),
    "ucity-square": ("uCity Square", "Philadelphia", "US", NA, "en"),
}

PARTNERS = {
    "science-city-lyngby": {
        "name": "Science City Lyngby",
        "city": "Kongens Lyngby",
        "country": "DK",
        "continent": EU,
        "name_language": "en",
        "role": Revised(Role.NETWORK_PARTNER, earlier=Role.PARTNER),
        "short_description": Translated(
            "Science City Lyngby arbejder for et økosystem for innovation i verdensklasse i vores region og "
            "indgik i 2019 et partnerskab med GIID-netværket.",
            "Science City Lyngby arbetar för ett ekosystem för innovation i världsklass i vår region och "
            "ingick 2019 ett partnerskap med GIID-nätverket.",
            "Science City Lyngby works to build a world-class innovation ecosystem in our region and entered into "
            "a partnership with the GIID network in 2019.",
            earlier={
                "en": "Science City Lyngby works for a world-class innovation ecosystem in our region and entered "
                "into a partnership with the GIID network in 2019."
            },
        ),
    },
    "future-by-lund": {
        "name": "Future by Lund",
        "city": "Lund",
        "country": "SE",
        "continent": EU,
        "name_language": "en",
        "role": Role.PARTNER,
        "short_description": Translated(
            "Lunds kommunes innovationsafdeling. Science City Lyngby har samarbejdet med Future by Lund siden "
            "sommeren 2019.",
            "Lunds kommuns innovationsavdelning. Science City Lyngby har samarbetat med Future by Lund sedan "
            "sommaren 2019.",
            "Lund Municipality's innovation unit. Science City Lyngby has worked with Future by Lund since "
            "summer 2019.",
            earlier={
                "en": "The innovation unit of the Municipality of Lund. Science City Lyngby has worked with "
                "Future by Lund since the summer of 2019."
            },
        ),
    },
}


def _place(slug: str, city: str | Translated) -> dict:
    """The public facts about a seeded district: its city's position and its official website."""
    latitude, longitude = CITY_POSITIONS[city[settings.LANGUAGE_CODE] if isinstance(city, Translated) else city].value
    return {"latitude": Decimal(latitude), "longitude": Decimal(longitude), "website": website(slug)}


def seeded_districts() -> dict[str, dict]:
    """Every seeded district's fields, by slug: the twelve participants, then the two partners."""
    districts = {}
    for slug, (name, city, country, continent, language) in MEMBERS.items():
        districts[slug] = {
            "name": name,
            "city": city,
            "country": country,
            "continent": continent,
            "name_language": language,
            "role": Role.MEMBER,
            "short_description": "",
            **_place(slug, city),
        }
    for slug, fields in PARTNERS.items():
        districts[slug] = {**fields, "joined_year": None, **_place(slug, fields["city"])}
    return {slug: {"slug": slug, **fields} for slug, fields in districts.items()}


def load() -> list[str]:
    """Create the districts in Danish, then their translations through wagtail-localize, where missing."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for slug, fields in seeded_districts().items():
        key = f"district:{slug}"
        district, outcome = ensure_snippet(District, key, fields, danish)
        created += outcome_line(outcome, f"the district {district.name!r}")
        for locale in seeded_target_locales():
            _translation, outcome = ensure_translation(district, key, fields, locale)
            created += outcome_line(outcome, f"the {locale.language_code} version of {district.name!r}")
    return created
