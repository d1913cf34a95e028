"""Site-level content: the locales, the tree's root and the Site that serves the home page."""

from django.conf import settings
from wagtail.models import Page

from .seeding import ensure_locales

# Wagtail's first migration makes a placeholder page; we replace it with our home page.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def load() -> list[str]:
    """Create the locales and the tree's root where missing."""
    created = []
    locales = ensure_locales(*(code for code, _name in settings.LANGUAGES))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales[settings.LANGUAGE_CODE]))
        created.append("the page tree's root")
    return created


def remove_wagtail_welcome_page() -> None:
    """Delete Wagtail's untouched placeholder page, so our home page can take its slug."""
    for page in Page.objects.filter(depth=2, title=WAGTAIL_WELCOME_TITLE, numchild=0):
        if type(page.specific) is Page:
            page.delete()
