"""Site-level content: locales and the tree's root, then the furniture every page shares.

The legal pages a Danish public-facing site needs (an accessibility statement
per the EU Web Accessibility Directive, and a privacy policy) and the footer
text are written here in Danish, Swedish and English, like the rest of the seed.
"""

import datetime

from django.conf import settings
from wagtail.models import Collection, Locale, Page

from sciencecity.models import FooterText, InformationPage, OrganisationSettings
from .tools import Block, Translated, ensure_locales, ensure_page, ensure_translation, seed_key, seeded_target_locales

# Wagtail's first migration makes a placeholder page; we replace it with our home page.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
WCAG = '<span lang="en">WCAG</span>'


def load_foundations() -> list[str]:
    """Create the locales, the tree's root and the image collections' root where missing."""
    created = []
    locales = ensure_locales(*(code for code, _name in settings.LANGUAGES))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales[settings.LANGUAGE_CODE]))
        created.append("the page tree's root")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
        created.append("the root collection")
    return created


def remove_wagtail_welcome_page() -> None:
    """Delete Wagtail's untouched placeholder page, so our home page can take its slug."""
    for page in Page.objects.filter(depth=2, title=WAGTAIL_WELCOME_TITLE, numchild=0):
        if type(page.specific) is Page:
            page.delete()


ACCESSIBILITY_STATEMENT = {
    "title": Translated("Tilgængelighedserklæring", "Tillgänglighetsredogörelse", "Accessibility statement"),
    "slug": Translated("tilgaengelighedserklaering", "tillganglighetsredogorelse", "accessibility-statement"),
    "introduction": Translated(
        "Science City Lyngby ønsker, at alle kan bruge dette websted. Her kan du læse, hvordan webstedet lever op "
        "til kravene om webtilgængelighed, og hvordan du giver os besked, hvis noget ikke virker for dig.",
        "Science City Lyngby vill att alla ska kunna använda den här webbplatsen. Här kan du läsa hur webbplatsen "
        "uppfyller kraven på webbtillgänglighet och hur du meddelar oss om något inte fungerar för dig.",
        "Science City Lyngby wants everyone to be able to use this website. Here you can read how the website "
        "meets the web accessibility requirements, and how to let us know if something does not work for you.",
    ),
    "last_reviewed": datetime.date(2026, 11, 27),
    "body": [
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
        Block(
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
        ),
    ],
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
    "last_reviewed": datetime.date(2026, 11, 27),
    "body": [
        Block(
            "text",
            Translated(
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
                "was shown, so that the website can be run securely. The information is not used to follow "
                "individuals and is kept only as long as operations require.</p><h2>When you write to us</h2><p>If "
                "you write to us, we use your information to answer your enquiry.</p><h2>Editors</h2><p>For staff who "
                "sign in to edit the website, we store their name, e-mail address and a cookie for the signed-in "
                "session.</p><h2>Your rights</h2><p>You have the right to access, rectify and erase your information. "
                "You can complain to the Danish Data Protection Agency (Datatilsynet).</p>",
            ),
        ),
    ],
}

FOOTER = {
    "text": Translated(
        "<p>Science City Lyngby arbejder for et økosystem for innovation i verdensklasse i vores region.</p>",
        "<p>Science City Lyngby arbetar för ett ekosystem för innovation i världsklass i vår region.</p>",
        "<p>Science City Lyngby works for a world-class innovation ecosystem in our region.</p>",
    ),
}

LEGAL_PAGES = [
    ("accessibility-statement", ACCESSIBILITY_STATEMENT),
    ("privacy-policy", PRIVACY_POLICY),
]


def load_furniture() -> list[str]:
    """Create the legal pages and the footer text in Danish and their translations where missing."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = Page.objects.get(translation_key=seed_key("home"), locale=danish)
    for key, fields in LEGAL_PAGES:
        page, new = ensure_page(home, InformationPage, key, {**fields, "show_in_menus": False}, danish)
        if new:
            created.append(f"the Danish page {page.title!r}")
        for locale in seeded_target_locales():
            _translation, new = ensure_translation(page, key, fields, locale)
            if new:
                created.append(f"the {locale.language_code} translation of {page.title!r}")

    if not OrganisationSettings.objects.filter(site=home.get_site()).exists():
        OrganisationSettings.objects.create(site=home.get_site())
        created.append("the organisation's settings")

    footer = FooterText.objects.filter(translation_key=seed_key("footer"), locale=danish).first()
    if footer is None:
        footer = FooterText.objects.create(translation_key=seed_key("footer"), locale=danish, text=FOOTER["text"][danish.language_code])
        footer.save_revision().publish()
        created.append("the Danish footer text")
    for locale in seeded_target_locales():
        _translation, new = ensure_translation(footer, "footer", FOOTER, locale)
        if new:
            created.append(f"the {locale.language_code} footer text")
    return created
