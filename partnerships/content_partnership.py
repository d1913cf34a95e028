"""The partnership page's seeded content: the organisation's page about the GIID partnership, in three languages.

See ``content.py`` for how the seed follows the organisation's page.
"""

from seeding.public_facts import website
from seeding.tools import Block, PageRef, Revised, Translated

GIID = '<span lang="en">Global Institute for Innovation Districts</span>'
GIID_SHORT = '<span lang="en">GIID</span>'

# The Swedish an earlier seed wrote (corrected since: "kunskapsintensiva företag", "säkerställa",
# "ett stort och varierat utbud").
SV_PARAGRAPHS_2019 = (
    "<p>Science City Lyngby ingick därför 2019 ett partnerskap med ett globalt nätverk av mindre "
    "regioner från USA, Kanada, Europa och Australien, vars gemensamma mål är att dela kunskap och "
    "erfarenheter om utvecklingen av innovationsdistrikt i specifika geografiska områden.</p>"
    "<p>Innovationsdistrikt världen över arbetar för att skapa tillväxt, sysselsättning och hållbar "
    "utveckling tillsammans med kunskapsinstitutioner och kunskapsföretag samt offentliga aktörer som "
    "’drivkrafter’ för att säkra en stads- och näringslivsutveckling som attraherar företag och talang "
    "och stöder innovation.</p>"
)
SV_QUOTATION_2019 = (
    "Innovationsdistrikt är avgränsade geografiska stadsområden där kunskapsinstitutioner och "
    "kunskapsintensiva företag möts, delar kunskap och samarbetar med entreprenörer, inkubatorer, "
    "investerare och offentliga aktörer för att främja innovation, kreativitet och "
    "kommersialisering av idéer och kunskap. Innovationsdistrikt är samtidigt områden som är "
    "fysiskt, socialt och digitalt sammankopplade och rymmer en blandning av näringsliv, "
    "bostäder och kultur- och fritidsutbud."
)

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
                "utveckling tillsammans med kunskapsinstitutioner och kunskapsintensiva företag samt offentliga "
                "aktörer som ’drivkrafter’ för att säkerställa en stads- och näringslivsutveckling som attraherar "
                "företag och talang och stöder innovation.</p>",
                "<p>In 2019, Science City Lyngby therefore entered into a partnership with a global network of "
                "smaller regions in the USA, Canada, Europe and Australia, whose shared aim is to exchange knowledge "
                "and experience of developing innovation districts in specific places.</p><p>Innovation districts all "
                "over the world work to create growth, jobs and sustainable development together with knowledge "
                "institutions and knowledge-intensive companies, and with public bodies as ‘drivers’, to secure urban "
                "and business development that attracts companies and talent and supports innovation.</p>",
                earlier={"sv": SV_PARAGRAPHS_2019},
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
                "<h2>Sharing and developing experience</h2><p>Through monthly online workshops with participants "
                "from all over the world, we have taken part in an exchange of experience and in developing the very "
                "thinking behind innovation districts.</p>",
                earlier={
                    "en": "<h2>Exchanging and developing experience</h2><p>Through monthly online workshops with "
                    "participants from all over the world, we have taken part in an exchange of experience and in "
                    "developing the very thinking behind innovation districts.</p>"
                },
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
                    "Och många fler gemensamma utmaningar som särskilt mindre distrikt runt om i världen står inför.",
                    "And many more shared challenges that smaller districts in particular face around the world.",
                    earlier={"sv": "Och många fler gemensamma utmaningar som särskilt mindre distrikt upplever runt om i världen."},
                ),
            },
        ),
        Block(
            "latest_workshops",
            {"heading": Translated(
                "Workshops og peer sessions",
                "Workshoppar och peer-sessioner",
                "Workshops and peer sessions",
                earlier={"sv": "Workshoppar och peer sessions"},
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
                "innovationsdistrikt bygger nämligen på sammankoppling, mobilitet och kunskapsutbyte mellan sektorer "
                "för att stärka ett geografiskt områdes innovationskraft.</p>",
                f"<h2>The collaboration continues</h2><p>The exchange of experience with the {GIID}, and through it "
                "with emerging innovation districts from all over the world, has been and still is a fruitful "
                "collaboration for Science City Lyngby in reaching our strategic goals. Some of the main themes "
                "behind the innovation district approach are connectivity, mobility and knowledge exchange between "
                "sectors, to strengthen the innovative capacity of a geographic area.</p>",
                earlier={
                    "sv": "<h2>Samarbetet fortsätter</h2>"
                    f"<p>Erfarenhetsutbytet med {GIID}, och därmed med framväxande innovationsdistrikt från hela "
                    "världen, har varit och är fortfarande ett givande samarbete för Science City Lyngby när det "
                    "gäller att nå våra strategiska mål. Några av huvudtemana bakom tankesättet kring "
                    "innovationsdistrikt bygger nämligen på sammanhållning, mobilitet och kunskapsutbyte mellan "
                    "sektorer för att stärka ett geografiskt områdes innovationskraft.</p>",
                    "en": f"<h2>The collaboration continues</h2><p>The exchange of experience with {GIID}, and "
                    "through it with emerging innovation districts from all over the world, has been and still is a "
                    "fruitful collaboration for Science City Lyngby in reaching our strategic goals. Some of the main "
                    "themes behind the innovation district approach are connectivity, mobility and knowledge exchange "
                    "between sectors, to strengthen the innovative capacity of a geographic area.</p>",
                },
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
                    "fysiskt, socialt och digitalt sammankopplade och har ett stort och varierat utbud av "
                    "näringsliv, bostäder samt kultur- och fritidsaktiviteter.",
                    "Innovation districts are defined urban areas where knowledge institutions and knowledge-intensive "
                    "companies meet, share knowledge and work with entrepreneurs, incubators, investors and public bodies "
                    "to foster innovation, creativity and the commercialisation of ideas and knowledge. At the same time, "
                    "innovation districts are areas that are physically, socially and digitally connected and offer a "
                    "wide mix of businesses, housing, and cultural and recreational amenities.",
                    earlier={"sv": SV_QUOTATION_2019},
                ),
                "source_title": "The Rise of Innovation Districts: A New Geography of Innovation in America",
                "source_language": "en",
                "publisher": "Brookings",
                "publication_type": Translated("White Paper", "White Paper", "White Paper"),
                "year": 2014,
                "url": "",
                # Translated back from the Danish: not Brookings' own words, though English (see the docstring).
                "verbatim": Revised(False, earlier=True),
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
                f"<h2>About the {GIID}</h2><p>The {GIID} ({GIID_SHORT}) is a not-for-profit global network of "
                "innovation districts, set up to identify challenges and support strategic development in the "
                f"participating districts. {GIID_SHORT} also exists to communicate and share learning and experience "
                "across the districts.</p>",
                earlier={
                    "en": f"<h2>About {GIID}</h2><p>{GIID} ({GIID_SHORT}) is a not-for-profit global network of "
                    "innovation districts, set up to identify challenges and support strategic development in the "
                    f"participating districts. {GIID_SHORT} also exists to communicate and share learning and "
                    "experience across the districts.</p>"
                },
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
                "Grafiska sammanfattningar från GIID:s peer-sessioner",
                "Graphic recordings from GIID's peer sessions",
                earlier={"sv": "Grafiska sammanfattningar från GIID:s peer sessions"},
            )},
        ),
        Block("network_members", {"heading": Translated(
            "Deltagere i GIID-netværket",
            "Deltagare i GIID-nätverket",
            "Participants in the GIID network",
        )}),
    ],
}
