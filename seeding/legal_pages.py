"""The site's legal pages, as the seed writes them in Danish, Swedish and English.

An accessibility statement (the EU Web Accessibility Directive, and the Danish
act that applies it) and a privacy policy. They claim only what is true of the
site as built; what only the organisation can say (when it last reviewed them,
its compliance status, its contact details) is left for it to fill in, and the
launch checklist asks for it. The review date is empty until editors set it,
and the pages show none while it is.
"""

import datetime

from .tools import Block, Revised, Translated

WCAG = '<span lang="en">WCAG</span>'

COMPLAINT = Block(
    "text",
    Translated(
        "<h2>Klagemulighed</h2>"
        "<p>Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn "
        "med webtilgængelighed i Danmark.</p>",
        "<h2>Möjlighet att klaga</h2>"
        "<p>Är du inte nöjd med vårt svar kan du vända dig till Digitaliseringsstyrelsen, den danska "
        "myndighet som har tillsyn över webbtillgänglighet.</p>",
        "<h2>Right to complain</h2><p>If you are not satisfied with our answer, you can complain to the "
        "Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises web accessibility "
        "in Denmark.</p>",
    ),
)

# The statement as an earlier seed wrote it: its WCAG claim overstated what automatic tests check, and its
# "contact us" showed even with no contact details to show.
ACCESSIBILITY_BODY_2026 = [
    Block(
        "text",
        Translated(
            "<h2>Overholdelse af kravene</h2>"
            "<p>Kravet i EU's webtilgængelighedsdirektiv og i den danske lov om tilgængelighed af offentlige "
            "organers websteder og mobilapplikationer er den europæiske standard EN 301 549, som for websteder "
            f"henviser til {WCAG} 2.1 på niveau AA. Webstedet er udviklet til at leve op til det krav, og vi "
            f"sigter efter {WCAG} 2.2 på niveau AA.</p>"
            "<h2>Sådan tester vi</h2>"
            "<p>Hver gang webstedets programkode ændres, kontrolleres alle sidetyper på alle sprog automatisk i "
            f"en rigtig browser: mod {WCAG} 2.0, 2.1 og 2.2 på niveau A og AA, i fuld bredde og i en bredde på "
            "320 pixel, og mod W3C's regler for gyldig HTML. Testene kontrollerer også, at menuen og sprogvælgeren "
            "kan bruges med tastaturet alene, og at det er tydeligt, hvor fokus er. Indhold, som redaktionen "
            "tilføjer eller ændrer, bliver ikke kontrolleret automatisk.</p>"
            "<h2>Giv os besked</h2>"
            "<p>Oplever du problemer med tilgængeligheden, så kontakt os og fortæl, hvilken side og hvilket "
            "indhold det drejer sig om.</p>",
            "<h2>Efterlevnad av kraven</h2>"
            "<p>Kravet i EU:s webbtillgänglighetsdirektiv och i den danska lagen om tillgänglighet till "
            "offentliga organs webbplatser och mobilapplikationer är den europeiska standarden EN 301 549, som för "
            f"webbplatser hänvisar till {WCAG} 2.1 på nivå AA. Webbplatsen är utvecklad för att uppfylla det "
            f"kravet, och vi siktar på {WCAG} 2.2 på nivå AA.</p>"
            "<h2>Så testar vi</h2>"
            "<p>Varje gång webbplatsens programkod ändras kontrolleras alla sidtyper på alla språk automatiskt "
            f"i en riktig webbläsare: mot {WCAG} 2.0, 2.1 och 2.2 på nivå A och AA, i full bredd och i en bredd "
            "på 320 pixlar, och mot W3C:s regler för giltig HTML. Testerna kontrollerar också att menyn och "
            "språkväljaren går att använda med enbart tangentbordet och att det syns var fokus är. Innehåll som "
            "redaktionen lägger till eller ändrar kontrolleras inte automatiskt.</p>"
            "<h2>Kontakta oss</h2>"
            "<p>Om du upplever problem med tillgängligheten kan du kontakta oss och berätta vilken sida och "
            "vilket innehåll det gäller.</p>",
            "<h2>Compliance with the requirements</h2><p>The requirement of the EU Web Accessibility Directive "
            "and of the Danish act on the accessibility of public sector bodies' websites and mobile applications "
            f"is the European standard EN 301 549, which for websites refers to {WCAG} 2.1 at level AA. The "
            f"website is developed to meet that requirement, and we aim for {WCAG} 2.2 at level AA.</p><h2>How we "
            "test</h2><p>Every time the website's code changes, every page type in every language is checked "
            f"automatically in a real browser: against {WCAG} 2.0, 2.1 and 2.2 at levels A and AA, at full width "
            "and at a width of 320 pixels, and against the W3C's rules for valid HTML. The tests also check that "
            "the menu and the language switcher can be used with the keyboard alone, and that it is clear where "
            "the focus is. Content that the editorial team adds or changes is not checked "
            "automatically.</p><h2>Let us know</h2><p>If you experience accessibility problems, please contact us "
            "and tell us which page and which content it concerns.</p>",
        ),
    ),
    # Whatever contact the organisation's settings hold, so the statement never points at an empty footer.
    Block("organisation_contact", None),
    COMPLAINT,
]

ACCESSIBILITY_BODY = [
    Block(
        "text",
        Translated(
            "<h2>Overholdelse af kravene</h2>"
            "<p>EU's webtilgængelighedsdirektiv og webtilgængelighedsloven henviser til den europæiske standard "
            f"EN 301 549, som for websteder svarer til {WCAG} 2.1 på niveau AA. Webstedet er udviklet til at leve op "
            f"til det krav, og vi sigter efter {WCAG} 2.2 på niveau AA.</p>"
            "<h2>Sådan tester vi</h2>"
            "<p>Hver gang webstedets programkode ændres, kontrolleres alle sidetyper på alle sprog automatisk i "
            f"en rigtig browser efter de krav i {WCAG} 2.0, 2.1 og 2.2 på niveau A og AA, der kan testes "
            "automatisk, i fuld bredde og i en bredde på 320 pixel, og efter W3C's regler for gyldig HTML. "
            "Automatiske test finder kun en del af de mulige problemer. Testene kontrollerer også, at menuen og "
            "sprogvælgeren kan bruges med tastaturet alene, og at det er tydeligt, hvor fokus er. Indhold, som "
            "redaktionen tilføjer eller ændrer, bliver ikke kontrolleret automatisk.</p>",
            "<h2>Efterlevnad av kraven</h2>"
            "<p>EU:s webbtillgänglighetsdirektiv och den danska lagen om tillgänglighet till offentliga organs "
            "webbplatser hänvisar till den europeiska standarden EN 301 549, som för webbplatser motsvarar "
            f"{WCAG} 2.1 på nivå AA. Webbplatsen är utvecklad för att uppfylla det kravet, och vi siktar på "
            f"{WCAG} 2.2 på nivå AA.</p>"
            "<h2>Så testar vi</h2>"
            "<p>Varje gång webbplatsens programkod ändras kontrolleras alla sidtyper på alla språk automatiskt "
            f"i en riktig webbläsare mot de krav i {WCAG} 2.0, 2.1 och 2.2 på nivå A och AA som går att testa "
            "automatiskt, i full bredd och i en bredd på 320 pixlar, och mot W3C:s regler för giltig HTML. "
            "Automatiska tester hittar bara en del av de möjliga problemen. Testerna kontrollerar också att menyn "
            "och språkväljaren går att använda med enbart tangentbordet och att det syns var fokus är. Innehåll "
            "som redaktionen lägger till eller ändrar kontrolleras inte automatiskt.</p>",
            "<h2>Compliance with the requirements</h2><p>The EU Web Accessibility Directive and the Danish Web "
            "Accessibility Act refer to the European standard EN 301 549, which for websites corresponds to "
            f"{WCAG} 2.1 level AA. The website is developed to meet that requirement, and we aim for {WCAG} 2.2 "
            "level AA.</p><h2>How we test</h2><p>Every time the website's code changes, every page type in every "
            "language is checked automatically in a real browser against those requirements of "
            f"{WCAG} 2.0, 2.1 and 2.2 at levels A and AA that can be tested automatically, at full width and at a "
            "width of 320 pixels, and against the W3C's rules for valid HTML. Automated tests find only some of "
            "the possible problems. The tests also check that the menu and the language switcher can be used with "
            "the keyboard alone, and that it is clear where the focus is. Content that the editorial team adds or "
            "changes is not checked automatically.</p>",
        ),
    ),
    # Shown only with the organisation's contact details after it, so "contact us" never points at nothing.
    Block(
        "contact_text",
        Translated(
            "<h2>Giv os besked</h2>"
            "<p>Oplever du problemer med tilgængeligheden, så kontakt os og fortæl, hvilken side og hvilket "
            "indhold det drejer sig om.</p>",
            "<h2>Kontakta oss</h2>"
            "<p>Om du upplever problem med tillgängligheten kan du kontakta oss och berätta vilken sida och "
            "vilket innehåll det gäller.</p>",
            "<h2>Let us know</h2><p>If you experience accessibility problems, please contact us and tell us which "
            "page and which content it concerns.</p>",
        ),
    ),
    Block("organisation_contact", None),
    COMPLAINT,
]

ACCESSIBILITY_STATEMENT = {
    "title": Translated("Tilgængelighedserklæring", "Tillgänglighetsredogörelse", "Accessibility statement"),
    "slug": Translated("tilgaengelighedserklaering", "tillganglighetsredogorelse", "accessibility-statement"),
    # Not "and how to let us know": the page says that only while there are contact details to give.
    "introduction": Translated(
        "Science City Lyngby ønsker, at alle kan bruge dette websted. Her kan du læse, hvordan webstedet lever op "
        "til kravene om webtilgængelighed.",
        "Science City Lyngby vill att alla ska kunna använda den här webbplatsen. Här kan du läsa hur webbplatsen "
        "uppfyller kraven på webbtillgänglighet.",
        "Science City Lyngby wants everyone to be able to use this website. Here you can read how the website "
        "meets the web accessibility requirements.",
        earlier={
            "da": "Science City Lyngby ønsker, at alle kan bruge dette websted. Her kan du læse, hvordan webstedet "
            "lever op til kravene om webtilgængelighed, og hvordan du giver os besked, hvis noget ikke virker for dig.",
            "sv": "Science City Lyngby vill att alla ska kunna använda den här webbplatsen. Här kan du läsa hur "
            "webbplatsen uppfyller kraven på webbtillgänglighet och hur du meddelar oss om något inte fungerar för dig.",
            "en": "Science City Lyngby wants everyone to be able to use this website. Here you can read how the "
            "website meets the web accessibility requirements, and how to let us know if something does not work "
            "for you.",
        },
    ),
    # The editors' to set once the organisation has reviewed the statement; an earlier seed invented one.
    "last_reviewed": Revised(None, earlier=datetime.date(2026, 11, 27)),
    "body": Revised(ACCESSIBILITY_BODY, earlier=ACCESSIBILITY_BODY_2026),
}

PRIVACY_POLICY = {
    "title": Translated("Privatlivspolitik", "Integritetspolicy", "Privacy policy"),
    "slug": Translated("privatlivspolitik", "integritetspolicy", "privacy-policy"),
    "introduction": Translated(
        "Science City Lyngby er dataansvarlig for de oplysninger, der behandles på dette websted. "
        "Her kan du læse, hvilke oplysninger det er, og hvad du kan gøre.",
        "Science City Lyngby är personuppgiftsansvarig för de uppgifter som behandlas på den här webbplatsen. "
        "Här kan du läsa vilka uppgifter det är och vad du kan göra.",
        "Science City Lyngby is the data controller for the information processed on this website. Here you "
        "can read what information that is, and what you can do.",
    ),
    "last_reviewed": Revised(None, earlier=datetime.date(2026, 11, 27)),
    "body": [
        Block(
            "text",
            Translated(
                "<h2>Ingen cookies og ingen sporing</h2>"
                "<p>Webstedet sætter ingen cookies hos besøgende, bruger ingen analyseværktøjer og henter intet fra "
                "andre websteder, heller ikke skrifttyper eller kort. Derfor beder vi dig ikke om samtykke.</p>"
                "<h2>Serverens logfiler</h2>"
                "<p>Som alle webservere registrerer vores server tekniske oplysninger om hver forespørgsel, herunder "
                "IP-adresse, tidspunkt og den adresse, der blev vist, for at kunne drive webstedet sikkert. "
                "Oplysningerne bruges ikke til at følge enkeltpersoner og gemmes kun, så længe driften kræver det.</p>"
                "<h2>Når du skriver til os</h2>"
                "<p>Skriver du til os, bruger vi dine oplysninger til at besvare din henvendelse.</p>"
                "<h2>Redaktører</h2>"
                "<p>For medarbejdere, der logger ind for at redigere webstedet, gemmer vi navn, e-mailadresse og "
                "en cookie for den indloggede session.</p>"
                "<h2>Dine rettigheder</h2>"
                "<p>Du har ret til indsigt i, berigtigelse af og sletning af dine oplysninger. Du kan klage til "
                "Datatilsynet.</p>",
                "<h2>Inga kakor och ingen spårning</h2>"
                "<p>Webbplatsen sätter inga kakor hos besökare, använder inga analysverktyg och hämtar ingenting från "
                "andra webbplatser, inte heller typsnitt eller kartor. Därför ber vi dig inte om samtycke.</p>"
                "<h2>Serverns loggfiler</h2>"
                "<p>Som alla webbservrar registrerar vår server teknisk information om varje förfrågan, bland annat "
                "IP-adress, tidpunkt och den adress som visades, för att kunna driva webbplatsen säkert. "
                "Uppgifterna används inte för att följa enskilda personer och sparas bara så länge driften kräver "
                "det.</p>"
                "<h2>När du skriver till oss</h2>"
                "<p>Skriver du till oss använder vi dina uppgifter för att besvara ditt meddelande.</p>"
                "<h2>Redaktörer</h2>"
                "<p>För medarbetare som loggar in för att redigera webbplatsen sparar vi namn, e-postadress och "
                "en kaka för den inloggade sessionen.</p>"
                "<h2>Dina rättigheter</h2>"
                "<p>Du har rätt att få tillgång till dina uppgifter och få dem rättade eller raderade. Du kan vända "
                "dig till Datatilsynet, den danska dataskyddsmyndigheten.</p>",
                "<h2>No cookies and no tracking</h2><p>The website sets no cookies for visitors, uses no analytics "
                "tools and loads nothing from other websites, not even fonts or maps. That is why we do not ask for "
                "your consent.</p><h2>The server's log files</h2><p>Like all web servers, our server records "
                "technical information about each request, including the IP address, the time and the address that "
                "was shown, so that the website can be run securely. The information is not used to track "
                "individuals and is kept only as long as needed to run the website.</p><h2>When you write to us</h2><p>If "
                "you write to us, we use your information to answer your enquiry.</p><h2>Editors</h2><p>For staff who "
                "sign in to edit the website, we store their name, e-mail address and a cookie for the signed-in "
                "session.</p><h2>Your rights</h2><p>You have the right to access, rectify and erase your information. "
                "You can complain to the Danish Data Protection Agency (Datatilsynet).</p>",
                earlier={
                    "da": (
                        "<h2>Ingen cookies og ingen sporing</h2>"
                        "<p>Webstedet sætter ingen cookies hos besøgende, bruger ingen analyseværktøjer og henter intet fra "
                        "andre websteder, heller ikke skrifttyper eller kort. Derfor beder vi dig ikke om samtykke.</p>"
                        "<h2>Serverens logfiler</h2>"
                        "<p>Som alle webservere noterer vores server teknisk information om hver forespørgsel, herunder "
                        "IP-adresse, tidspunkt og den adresse, der blev vist, for at kunne drive webstedet sikkert. "
                        "Oplysningerne bruges ikke til at følge enkeltpersoner og gemmes kun, så længe driften kræver det.</p>"
                        "<h2>Når du skriver til os</h2>"
                        "<p>Skriver du til os, bruger vi dine oplysninger til at besvare din henvendelse.</p>"
                        "<h2>Redaktører</h2>"
                        "<p>For medarbejdere, der logger ind for at redigere webstedet, gemmer vi navn, e-mailadresse og "
                        "en cookie for den indloggede session.</p>"
                        "<h2>Dine rettigheder</h2>"
                        "<p>Du har ret til indsigt i, berigtigelse af og sletning af dine oplysninger. Du kan klage til "
                        "Datatilsynet.</p>"
                    ),
                    "en": (
                        "<h2>No cookies and no tracking</h2><p>The website sets no cookies for visitors, uses no analytics "
                        "tools and loads nothing from other websites, not even fonts or maps. That is why we do not ask for "
                        "your consent.</p><h2>The server's log files</h2><p>Like all web servers, our server records "
                        "technical information about each request, including the IP address, the time and the address that "
                        "was shown, so that the website can be run securely. The information is not used to follow "
                        "individuals and is kept only as long as operations require.</p><h2>When you write to us</h2><p>If "
                        "you write to us, we use your information to answer your enquiry.</p><h2>Editors</h2><p>For staff who "
                        "sign in to edit the website, we store their name, e-mail address and a cookie for the signed-in "
                        "session.</p><h2>Your rights</h2><p>You have the right to access, rectify and erase your information. "
                        "You can complain to the Danish Data Protection Agency (Datatilsynet).</p>"
                    ),
                },
            ),
        ),
    ],
}

