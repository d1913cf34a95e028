"""The partnership story as seeded content: Danish from the organisation's page, Swedish and English beside it.

The Danish text follows Science City Lyngby's page about its partnership with
the Global Institute for Innovation Districts word for word, but for the page's
slips "en by og erhvervsudvikling" (here "by- og erhvervsudvikling") and "en
udbytterigt samarbejde" (here "et udbytterigt samarbejde"); the Swedish and the
English (for the network's international partners) are translations of it. The
quotation is translated back from the Danish, not taken from the English
original, so the English page says it is a translation (``verbatim``). Where
the page says "we have met monthly", the intros say so in the past too: no
meeting to come is promised. Web addresses come from ``seeding/public_facts.py``.
English names carry lang="en" through the rich-text feature that editors use
for the same purpose.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from seeding.public_facts import website
from seeding.site_content import remove_wagtail_welcome_page
from seeding.tools import (
    Block,
    Translated,
    ensure_page,
    ensure_translation,
    outcome_line,
    seeded_target_locales,
)

from .content_partnership import GIID, GIID_SHORT, PARTNERSHIP
from .models import CollaborationPage, HomePage, NetworkPage, PartnershipPage, WorkshopsPage

HOME = {
    "title": Translated("Internationale partnerskaber", "Internationella partnerskap", "International partnerships"),
    "slug": Translated("forside", "startsida", "home"),
    "menu_title": Translated("Forside", "Startsida", "Home"),
    "introduction": Translated(
        "Science City Lyngby arbejder for et økosystem for innovation i verdensklasse i vores region. "
        "Her kan du læse om de internationale samarbejder, hvor vi deler viden og erfaringer "
        "med innovationsdistrikter i hele verden.",
        "Science City Lyngby arbetar för ett ekosystem för innovation i världsklass i vår region. "
        "Här kan du läsa om de internationella samarbeten där vi delar kunskap och erfarenheter "
        "med innovationsdistrikt i hela världen.",
        "Science City Lyngby works to build a world-class innovation ecosystem in our region. Here you can read "
        "about the international collaborations in which we share knowledge and experience with innovation "
        "districts around the world.",
        earlier={
            "en": "Science City Lyngby works for a world-class innovation ecosystem in our region. Here you can read "
            "about the international collaborations in which we share knowledge and experience with innovation "
            "districts around the world."
        },
    ),
}

NETWORK = {
    "title": Translated("GIID-netværket", "GIID-nätverket", "The GIID network"),
    "slug": Translated("giid-netvaerket", "giid-natverket", "giid-network"),
    "show_in_menus": True,
    "introduction": Translated(
        "Innovationsdistrikterne i netværket deler viden og erfaringer om, hvordan man udvikler et "
        "innovationsdistrikt, og har mødtes hver måned online.",
        "Innovationsdistrikten i nätverket delar kunskap och erfarenheter om hur man utvecklar ett "
        "innovationsdistrikt och har träffats varje månad online.",
        "The innovation districts in the network share knowledge and experience of how to develop an "
        "innovation district, and have met online every month.",
        earlier={
            "da": "Innovationsdistrikterne i netværket deler viden og erfaringer om, hvordan man udvikler et "
            "innovationsdistrikt, og mødes hver måned online.",
            "sv": "Innovationsdistrikten i nätverket delar kunskap och erfarenheter om hur man utvecklar ett "
            "innovationsdistrikt och möts varje månad online.",
            "en": "The innovation districts in the network share knowledge and experience of how to develop an "
            "innovation district, and meet online every month.",
        },
    ),
    "body": [
        Block(
            "text",
            Translated(
                f"<p>{GIID} ({GIID_SHORT}) er et globalt netværk af innovationsdistrikter etableret med det formål "
                "at identificere udfordringer og understøtte en strategisk udvikling i de deltagende distrikter. "
                "Science City Lyngby indgik i 2019 et partnerskab med netværket.</p>",
                f"<p>{GIID} ({GIID_SHORT}) är ett globalt nätverk av innovationsdistrikt som grundades i syfte att "
                "identifiera utmaningar och stödja den strategiska utvecklingen i de deltagande distrikten. "
                "Science City Lyngby ingick 2019 ett partnerskap med nätverket.</p>",
                f"<p>The {GIID} ({GIID_SHORT}) is a global network of innovation districts, set up to identify "
                "challenges and support strategic development in the participating districts. Science City Lyngby "
                "entered into a partnership with the network in 2019.</p>",
                earlier={
                    "en": f"<p>{GIID} ({GIID_SHORT}) is a global network of innovation districts, set up to identify "
                    "challenges and support strategic development in the participating districts. Science City "
                    "Lyngby entered into a partnership with the network in 2019.</p>"
                },
            ),
        ),
    ],
    "directory_heading": Translated(
        "Deltagere i GIID-netværket",
        "Deltagare i GIID-nätverket",
        "Participants in the GIID network",
    ),
    "directory_introduction": Translated(
        "Find distrikterne efter land eller verdensdel.",
        "Filtrera distrikten efter land eller världsdel.",
        "Find the districts by country or continent.",
    ),
}

WORKSHOPS = {
    "title": Translated(
        "Workshops og peer sessions",
        "Workshoppar och peer-sessioner",
        "Workshops and peer sessions",
        earlier={"sv": "Workshoppar och peer sessions"},
    ),
    "slug": Translated("workshops", "workshoppar", "workshops"),
    "menu_title": Translated("Workshops", "Workshoppar", "Workshops"),
    "show_in_menus": True,
    "introduction": Translated(
        "Netværkets distrikter har mødtes hver måned online og delt erfaringer i workshops og peer sessions. "
        "Her kan du læse om møderne.",
        "Nätverkets distrikt har träffats varje månad online och delat erfarenheter i workshoppar och "
        "peer-sessioner. Här kan du läsa om mötena.",
        "The network's districts have met online every month to share experience in workshops and peer sessions. "
        "Here you can read about the meetings.",
        earlier={
            "da": "Netværkets distrikter mødes hver måned online og deler erfaringer i workshops og peer sessions. "
            "Her finder du de kommende møder, de tidligere og deres grafiske opsamlinger.",
            "sv": "Nätverkets distrikt möts varje månad online och delar erfarenheter i workshoppar och peer sessions. "
            "Här hittar du kommande och tidigare möten och deras grafiska sammanfattningar.",
            "en": "The network's districts meet online every month and share experience in workshops and peer "
            "sessions. Here you will find the upcoming meetings, past ones and their graphic recordings.",
        },
    ),
}

LUND = {
    "title": Translated(
        "Samarbejde med Lund / Future by Lund",
        "Samarbete med Lund / Future by Lund",
        "Collaboration with Lund / Future by Lund",
    ),
    "slug": Translated("samarbejde-med-lund", "samarbete-med-lund", "collaboration-with-lund"),
    "menu_title": Translated("Samarbejde med Lund", "Samarbete med Lund", "Collaboration with Lund"),
    "show_in_menus": True,
    "introduction": Translated(
        "Science City Lyngby har siden sommeren 2019 haft et udbytterigt samarbejde med Lunds kommune gennem "
        "deres innovationsafdeling Future by Lund.",
        "Science City Lyngby har sedan sommaren 2019 haft ett givande samarbete med Lunds kommun genom dess "
        "innovationsavdelning Future by Lund.",
        "Since summer 2019, Science City Lyngby has had a rewarding collaboration with Lund Municipality "
        "through its innovation unit, Future by Lund.",
        earlier={
            "en": "Since the summer of 2019, Science City Lyngby has had a rewarding collaboration with the "
            "Municipality of Lund through its innovation unit, Future by Lund."
        },
    ),
    "partner_name": "Future by Lund",
    "partner_name_language": "en",
    "partner_organisation": Translated("Lunds kommune", "Lunds kommun", "Lund Municipality"),
    "partner_website": website("future-by-lund"),
    "partner_website_language": "sv",
    "since": Translated("sommeren 2019", "sommaren 2019", "summer 2019", earlier={"en": "the summer of 2019"}),
    "body": [
        Block(
            "text",
            Translated(
                "<p>Lund har lignende ambitioner som Lyngby, og vi har delt analyser, viden og erfaringer igennem "
                "de sidste par år til stor gavn for alle parter.</p>",
                "<p>Lund har liknande ambitioner som Lyngby, och vi har delat analyser, kunskap och erfarenheter "
                "under de senaste åren till stor nytta för alla parter.</p>",
                "<p>Lund has ambitions similar to Lyngby's, and over the past few years we have shared analyses, "
                "knowledge and experience, to the great benefit of all parties.</p>",
            ),
        ),
    ],
    "article_text": Translated(
        f"<p>Senest har vi i Lyngby delt vores erfaringer med at samarbejde med {GIID}</p>",
        f"<p>Senast har vi i Lyngby delat med oss av våra erfarenheter av att samarbeta med {GIID}</p>",
        f"<p>Most recently, we in Lyngby shared our experience of working with the {GIID}</p>",
        earlier={"en": f"<p>Most recently, we in Lyngby have shared our experience of working with {GIID}</p>"},
    ),
    # The source's link text; a Swedish page needs no "(på svenska)" after a Swedish article.
    "article_link_text": Translated("her (på svensk)", "här", "here (in Swedish)"),
    # The source gives no address for the article: until editors fill it in, the sentence ends "in an article
    # in Swedish" with no link (collaboration_page.html), and the launch checklist asks for the address.
    "article_url": "",
    "article_language": "sv",
}

PAGES = [
    # key, model, fields, parent key, created before key
    ("lund-collaboration", CollaborationPage, LUND, "home", None),
    ("giid-partnership", PartnershipPage, PARTNERSHIP, "home", "lund-collaboration"),
    ("giid-network", NetworkPage, NETWORK, "giid-partnership", None),
    ("giid-workshops", WorkshopsPage, WORKSHOPS, "giid-partnership", None),
]
# Parents before children, and in the order each translated tree should list them:
# a child translated first would appear under a live alias of its untranslated parent.
TRANSLATION_ORDER = ["home", "giid-partnership", "giid-network", "giid-workshops", "lund-collaboration"]

def load() -> list[str]:
    """Create the pages in Danish, then their translations."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    home, outcome = ensure_page(Page.get_first_root_node(), HomePage, "home", HOME, danish)
    created += outcome_line(outcome, "the Danish home page")
    _serve_from(home)
    remove_wagtail_welcome_page()

    pages = {"home": home}
    fields = {"home": HOME}
    for key, model, page_fields, parent_key, before_key in PAGES:
        parent = Page.objects.get(pk=pages[parent_key].pk)
        before = Page.objects.get(pk=pages[before_key].pk) if before_key else None
        pages[key], outcome = ensure_page(parent, model, key, page_fields, danish, before=before)
        fields[key] = page_fields
        created += outcome_line(outcome, f"the Danish page {pages[key].title!r}")

    for locale in seeded_target_locales():
        for key in TRANSLATION_ORDER:
            # Fetched afresh: adding siblings moves pages in the tree.
            page = type(pages[key]).objects.get(pk=pages[key].pk)
            _translation, outcome = ensure_translation(page, key, fields[key], locale)
            created += outcome_line(outcome, f"the {locale.language_code} translation of {page.title!r}")
    return created


def _serve_from(home: HomePage) -> None:
    """Make the default Site serve the home page, unless an editor already pointed it at a page of ours."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                            site_name="Science City Lyngby")
    elif not isinstance(site.root_page.specific, HomePage):
        site.root_page = home
        site.site_name = site.site_name or "Science City Lyngby"
        site.save()
