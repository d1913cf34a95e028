"""The partnership story as seeded content: Danish from the organisation's page, Swedish and English beside it.

The Danish text follows Science City Lyngby's page about its partnership with
the Global Institute for Innovation Districts word for word, but for the page's
slip "en by og erhvervsudvikling" (here "by- og erhvervsudvikling"); the Swedish
and the English (for the network's international partners) are translations of it. The quotation is
translated back from the Danish, not taken from the English original. Web addresses come from ``seeding/public_facts.py``. English names carry lang="en" through the rich-text feature
that editors use for the same purpose.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from seeding.public_facts import website
from seeding.site_content import remove_wagtail_welcome_page
from seeding.tools import Block, PageRef, Translated, ensure_page, ensure_translation, seeded_target_locales

from .models import CollaborationPage, HomePage, NetworkPage, PartnershipPage, WorkshopsPage

GIID = '<span lang="en">Global Institute for Innovation Districts</span>'
GIID_SHORT = '<span lang="en">GIID</span>'

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
        "Science City Lyngby works for a world-class innovation ecosystem in our region. Here you can read "
        "about the international collaborations in which we share knowledge and experience with innovation "
        "districts around the world.",
    ),
}

PARTNERSHIP = {
    "title": Translated(
        "Partnerskab med Global Institute for Innovation Districts",
        "Partnerskap med Global Institute for Innovation Districts",
        "Partnership with the Global Institute for Innovation Districts",
    ),
    "slug": Translated("partnerskab-med-giid", "partnerskap-med-giid", "partnership-with-giid"),
    "menu_title": Translated("Partnerskab med GIID", "Partnerskap med GIID", "Partnership with GIID"),
    "show_in_menus": True,
    "introduction": Translated(
        "Science City Lyngby har en ambitiøs strategi om at udvikle et verdensklasse økosystem for innovation "
        "i vores region. Det er en kompliceret proces, der kræver løbende inspiration og erfaringsudveksling "
        "med andre, der arbejder efter samme mål.",
        "Science City Lyngby har en ambitiös strategi för att utveckla ett ekosystem för innovation i "
        "världsklass i vår region. Det är en komplicerad process som kräver kontinuerlig inspiration och "
        "erfarenhetsutbyte med andra som arbetar mot samma mål.",
        "Science City Lyngby has an ambitious strategy to develop a world-class innovation ecosystem in our "
        "region. It is a complex process that calls for continuous inspiration and exchange of experience "
        "with others working towards the same goal.",
    ),
    "body": [
        Block(
            "text",
            Translated(
                "<p>Science City Lyngby indgik derfor i 2019 et partnerskab med et globalt netværk af mindre "
                "regioner fra USA, Canada, Europa og Australien, hvis fælles mål er at dele viden og erfaringer "
                "om udviklingen af innovationsdistrikter i specifikke geografier.</p>"
                "<p>Innovationsdistrikter over hele verden arbejder på at skabe vækst, beskæftigelse og bæredygtig "
                "udvikling sammen med vidensinstitutioner og -virksomheder samt offentlige aktører som ’drivere’ "
                "for at sikre by- og erhvervsudvikling, der tiltrækker virksomheder og talent samt understøtter "
                "innovation.</p>",
                "<p>Science City Lyngby ingick därför 2019 ett partnerskap med ett globalt nätverk av mindre "
                "regioner från USA, Kanada, Europa och Australien, vars gemensamma mål är att dela kunskap och "
                "erfarenheter om utvecklingen av innovationsdistrikt i specifika geografiska områden.</p>"
                "<p>Innovationsdistrikt världen över arbetar för att skapa tillväxt, sysselsättning och hållbar "
                "utveckling tillsammans med kunskapsinstitutioner och kunskapsföretag samt offentliga aktörer som "
                "’drivkrafter’ för att säkra en stads- och näringslivsutveckling som attraherar företag och talang "
                "och stöder innovation.</p>",
                "<p>In 2019, Science City Lyngby therefore entered into a partnership with a global network of "
                "smaller regions in the USA, Canada, Europe and Australia, whose shared aim is to exchange knowledge "
                "and experience of developing innovation districts in specific places.</p><p>Innovation districts all "
                "over the world work to create growth, jobs and sustainable development together with knowledge "
                "institutions and knowledge-intensive companies, and with public bodies as ‘drivers’, to secure urban "
                "and business development that attracts companies and talent and supports innovation.</p>",
            ),
        ),
        Block(
            "text",
            Translated(
                "<h2>Erfaringsudveksling og -udvikling</h2>"
                "<p>Gennem månedlige online workshops med deltagere fra hele verden har vi taget del i en "
                "erfaringsudveksling og udvikling af selve innovationsdistriktstankegangen.</p>",
                "<h2>Erfarenhetsutbyte och utveckling</h2>"
                "<p>Genom månatliga onlineworkshoppar med deltagare från hela världen har vi deltagit i ett "
                "erfarenhetsutbyte och i utvecklingen av själva tankesättet kring innovationsdistrikt.</p>",
                "<h2>Exchanging and developing experience</h2><p>Through monthly online workshops with participants "
                "from all over the world, we have taken part in an exchange of experience and in developing the very "
                "thinking behind innovation districts.</p>",
            ),
        ),
        Block(
            "workshop_topics",
            {
                "heading": "",
                "introduction": Translated(
                    "Vi har vendt emner som:",
                    "Vi har tagit upp ämnen som:",
                    "Topics we have covered include:",
                ),
                "closing": Translated(
                    "Og mange flere fælles udfordringer, som især mindre distrikter oplever rundt om i verden.",
                    "Och många fler gemensamma utmaningar som särskilt mindre distrikt upplever runt om i världen.",
                    "And many more shared challenges that smaller districts in particular face around the world.",
                ),
            },
        ),
        Block(
            "latest_workshops",
            {"heading": Translated(
                "Workshops og peer sessions",
                "Workshoppar och peer sessions",
                "Workshops and peer sessions",
            ), "count": 3},
        ),
        Block(
            "text",
            Translated(
                "<h2>Samarbejdet fortsætter</h2>"
                f"<p>Erfaringsudvekslingen med {GIID} og dermed spirende innovationsdistrikter fra hele verden "
                "har været og er stadig et frugtbart samarbejde for Science City Lyngby i forhold til at nå vores "
                "strategiske mål. Nogle af hovedtemaerne bag innovationsdistriktstankegangen bygger nemlig på "
                "sammenhæng, mobilitet og vidensudveksling mellem sektorer for at styrke et geografisk områdes "
                "innovationskraft.</p>",
                "<h2>Samarbetet fortsätter</h2>"
                f"<p>Erfarenhetsutbytet med {GIID}, och därmed med framväxande innovationsdistrikt från hela "
                "världen, har varit och är fortfarande ett givande samarbete för Science City Lyngby när det "
                "gäller att nå våra strategiska mål. Några av huvudtemana bakom tankesättet kring "
                "innovationsdistrikt bygger nämligen på sammanhållning, mobilitet och kunskapsutbyte mellan sektorer "
                "för att stärka ett geografiskt områdes innovationskraft.</p>",
                f"<h2>The collaboration continues</h2><p>The exchange of experience with {GIID}, and through it with "
                "emerging innovation districts from all over the world, has been and still is a fruitful "
                "collaboration for Science City Lyngby in reaching our strategic goals. Some of the main themes "
                "behind the innovation district approach are connectivity, mobility and knowledge exchange between "
                "sectors, to strengthen the innovative capacity of a geographic area.</p>",
            ),
        ),
        Block(
            "call_to_action",
            {
                "label": Translated(
                    "Læs om samarbejdet med Lund / Future by Lund",
                    "Läs om samarbetet med Lund / Future by Lund",
                    "Read about the collaboration with Lund / Future by Lund",
                ),
                "page": PageRef("lund-collaboration"),
                "url": "",
                "link_language": "",
            },
        ),
        Block("text", Translated(
            "<h2>Om innovationsdistrikter</h2>",
            "<h2>Om innovationsdistrikt</h2>",
            "<h2>About innovation districts</h2>",
        )),
        Block(
            "quotation",
            {
                "quotation": Translated(
                    "Innovationsdistrikter er afgrænsede geografiske byområder, hvor vidensinstitutioner og "
                    "videnstunge virksomheder mødes, videndeler og arbejder sammen med iværksættere, inkubatorer, "
                    "investorer og offentlige aktører om at fremme innovation, kreativitet og kommercialisering af "
                    "idéer og viden. Innovationsdistrikter er samtidigt områder, der både er fysisk, socialt og "
                    "digitalt forbundne og har en stor variation af både erhverv, boliger og kulturelle og "
                    "rekreative tilbud.",
                    "Innovationsdistrikt är avgränsade geografiska stadsområden där kunskapsinstitutioner och "
                    "kunskapsintensiva företag möts, delar kunskap och samarbetar med entreprenörer, inkubatorer, "
                    "investerare och offentliga aktörer för att främja innovation, kreativitet och "
                    "kommersialisering av idéer och kunskap. Innovationsdistrikt är samtidigt områden som är "
                    "fysiskt, socialt och digitalt sammankopplade och rymmer en blandning av näringsliv, "
                    "bostäder och kultur- och fritidsutbud.",
                    "Innovation districts are defined urban areas where knowledge institutions and knowledge-intensive "
                    "companies meet, share knowledge and work with entrepreneurs, incubators, investors and public bodies "
                    "to foster innovation, creativity and the commercialisation of ideas and knowledge. At the same time, "
                    "innovation districts are areas that are physically, socially and digitally connected and offer a "
                    "wide mix of businesses, housing, and cultural and recreational amenities.",
                ),
                "source_title": "The Rise of Innovation Districts: A New Geography of Innovation in America",
                "source_language": "en",
                "publisher": "Brookings",
                "publication_type": Translated("White Paper", "White Paper", "White Paper"),
                "year": 2014,
                "url": "",
            },
        ),
        Block(
            "text",
            Translated(
                f"<h2>Om {GIID}</h2>"
                f"<p>{GIID} ({GIID_SHORT}) er et <span lang=\"en\">not-for-profit</span> globalt netværk af "
                "innovationsdistrikter etableret med det formål at identificere udfordringer og understøtte en "
                "strategisk udvikling i de deltagende distrikter. Derudover er "
                f"{GIID_SHORT} sat i verden for at kommunikere og dele læring og erfaringer på tværs af "
                "distrikterne.</p>",
                f"<h2>Om {GIID}</h2>"
                f"<p>{GIID} ({GIID_SHORT}) är ett icke vinstdrivande globalt nätverk av innovationsdistrikt som "
                "grundades i syfte att identifiera utmaningar och stödja den strategiska utvecklingen i de deltagande "
                f"distrikten. Dessutom finns {GIID_SHORT} till för att kommunicera och dela lärdomar och "
                "erfarenheter mellan distrikten.</p>",
                f"<h2>About {GIID}</h2><p>{GIID} ({GIID_SHORT}) is a not-for-profit global network of innovation "
                "districts, set up to identify challenges and support strategic development in the participating "
                f"districts. {GIID_SHORT} also exists to communicate and share learning and experience across the "
                "districts.</p>",
            ),
        ),
        Block(
            "call_to_action",
            {
                "label": Translated("Læs mere om GIID", "Läs mer om GIID", "Read more about GIID"),
                "page": None,
                "url": website("giid"),
                "link_language": "en",
            },
        ),
        Block(
            "graphic_recordings",
            {"heading": Translated(
                "Grafiske opsamlinger fra GIID's peer sessions",
                "Grafiska sammanfattningar från GIID:s peer sessions",
                "Graphic recordings from GIID's peer sessions",
            )},
        ),
        Block("network_members", {"heading": Translated(
            "Deltagere i GIID-netværket",
            "Deltagare i GIID-nätverket",
            "Participants in the GIID network",
        )}),
    ],
}


NETWORK = {
    "title": Translated("GIID-netværket", "GIID-nätverket", "The GIID network"),
    "slug": Translated("giid-netvaerket", "giid-natverket", "giid-network"),
    "show_in_menus": True,
    "introduction": Translated(
        "Innovationsdistrikterne i netværket deler viden og erfaringer om, hvordan man udvikler et "
        "innovationsdistrikt, og mødes hver måned online.",
        "Innovationsdistrikten i nätverket delar kunskap och erfarenheter om hur man utvecklar ett "
        "innovationsdistrikt och möts varje månad online.",
        "The innovation districts in the network share knowledge and experience of how to develop an "
        "innovation district, and meet online every month.",
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
                f"<p>{GIID} ({GIID_SHORT}) is a global network of innovation districts, set up to identify challenges "
                "and support strategic development in the participating districts. Science City Lyngby entered into a "
                "partnership with the network in 2019.</p>",
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
    "title": Translated("Workshops og peer sessions", "Workshoppar och peer sessions", "Workshops and peer sessions"),
    "slug": Translated("workshops", "workshoppar", "workshops"),
    "menu_title": Translated("Workshops", "Workshoppar", "Workshops"),
    "show_in_menus": True,
    "introduction": Translated(
        "Netværkets distrikter mødes hver måned online og deler erfaringer i workshops og peer sessions. "
        "Her finder du de kommende møder, de tidligere og deres grafiske opsamlinger.",
        "Nätverkets distrikt möts varje månad online och delar erfarenheter i workshoppar och peer sessions. "
        "Här hittar du kommande och tidigare möten och deras grafiska sammanfattningar.",
        "The network's districts meet online every month and share experience in workshops and peer sessions. "
        "Here you will find the upcoming meetings, past ones and their graphic recordings.",
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
        "Since the summer of 2019, Science City Lyngby has had a rewarding collaboration with the "
        "Municipality of Lund through its innovation unit, Future by Lund.",
    ),
    "partner_name": "Future by Lund",
    "partner_name_language": "en",
    "partner_organisation": Translated("Lunds kommune", "Lunds kommun", "Lund Municipality"),
    "partner_website": website("future-by-lund"),
    "partner_website_language": "sv",
    "since": Translated("sommeren 2019", "sommaren 2019", "the summer of 2019"),
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
        f"<p>Most recently, we in Lyngby have shared our experience of working with {GIID}</p>",
    ),
    # The source's link text; a Swedish page needs no "(på svenska)" after a Swedish article.
    "article_link_text": Translated("her (på svensk)", "här", "here (in Swedish)"),
    # The source gives no address for the article: until editors fill it in, the link text shows as plain text.
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

    home, new = ensure_page(Page.get_first_root_node(), HomePage, "home", HOME, danish)
    if new:
        created.append("the Danish home page")
    _serve_from(home)
    remove_wagtail_welcome_page()

    pages = {"home": home}
    fields = {"home": HOME}
    for key, model, page_fields, parent_key, before_key in PAGES:
        parent = Page.objects.get(pk=pages[parent_key].pk)
        before = Page.objects.get(pk=pages[before_key].pk) if before_key else None
        pages[key], new = ensure_page(parent, model, key, page_fields, danish, before=before)
        fields[key] = page_fields
        if new:
            created.append(f"the Danish page {pages[key].title!r}")

    for locale in seeded_target_locales():
        for key in TRANSLATION_ORDER:
            # Fetched afresh: adding siblings moves pages in the tree.
            page = type(pages[key]).objects.get(pk=pages[key].pk)
            _translation, new = ensure_translation(page, key, fields[key], locale)
            if new:
                created.append(f"the {locale.language_code} translation of {page.title!r}")
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
