"""Site-level content: locales and the tree's root, then the furniture every page shares.

The legal pages a Danish public-facing site needs (``legal_pages.py``) and the
footer text are written in Danish, Swedish and English, like the rest of the seed.
"""

from django.conf import settings
from wagtail.models import Collection, Locale, Page

from sciencecity.models import FooterText, InformationPage, OrganisationSettings

from .legal_pages import ACCESSIBILITY_STATEMENT, PRIVACY_POLICY
from .tools import (
    Translated,
    ensure_locales,
    ensure_page,
    ensure_snippet,
    ensure_translation,
    outcome_line,
    seed_key,
    seeded_target_locales,
)

# Wagtail's first migration makes a placeholder page; we replace it with our home page.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


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


FOOTER = {
    "text": Translated(
        "<p>Science City Lyngby arbejder for et økosystem for innovation i verdensklasse i vores region.</p>",
        "<p>Science City Lyngby arbetar för ett ekosystem för innovation i världsklass i vår region.</p>",
        "<p>Science City Lyngby works to build a world-class innovation ecosystem in our region.</p>",
        earlier={"en": "<p>Science City Lyngby works for a world-class innovation ecosystem in our region.</p>"},
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
        page, outcome = ensure_page(home, InformationPage, key, {**fields, "show_in_menus": False}, danish)
        created += outcome_line(outcome, f"the Danish page {page.title!r}")
        for locale in seeded_target_locales():
            _translation, outcome = ensure_translation(page, key, fields, locale)
            created += outcome_line(outcome, f"the {locale.language_code} translation of {page.title!r}")

    if not OrganisationSettings.objects.filter(site=home.get_site()).exists():
        OrganisationSettings.objects.create(site=home.get_site())
        created.append("the organisation's settings")

    footer, outcome = ensure_snippet(FooterText, "footer", FOOTER, danish)
    created += outcome_line(outcome, "the Danish footer text")
    for locale in seeded_target_locales():
        _translation, outcome = ensure_translation(footer, "footer", FOOTER, locale)
        created += outcome_line(outcome, f"the {locale.language_code} footer text")
    return created
