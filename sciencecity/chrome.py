"""The parts of every page that come from the database: menu, page titles for breadcrumbs, footer.

They are computed once per site and language and cached; the cache key
carries the content version, so a publish or an edited footer shows at once.
"""

from dataclasses import dataclass, field

from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from .cache import get_fresh, set_fresh, versioned_key

CHROME_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class Link:
    """A page as menus and breadcrumbs show it."""

    title: str
    url: str
    path: str  # the page's tree path, to tell the current page and its ancestors
    children: tuple["Link", ...] = ()


@dataclass(frozen=True)
class PageRef:
    """Enough of a live, public page to route to it and name it in other languages, without a query."""

    page_id: int
    content_type_id: int
    url: str


@dataclass(frozen=True)
class Chrome:
    """Everything a page's header and footer need, for one site and language.

    It also knows every live, public page of the language by address and by
    translation key, so routing and the language links need no queries.
    """

    language: str
    home: Link | None
    menu: tuple[Link, ...] = ()
    legal: tuple[Link, ...] = ()
    footer_html: str = ""
    organisation: dict = field(default_factory=dict)
    pages: dict[str, Link] = field(default_factory=dict)
    by_url: dict[str, PageRef] = field(default_factory=dict)
    by_translation_key: dict = field(default_factory=dict)

    def breadcrumbs(self, page) -> list[Link]:
        """The home page and the page's live ancestors, the page itself last."""
        steps = range(len(self.home.path), len(page.path) + 1, Page.steplen) if self.home else []
        return [self.pages[page.path[:end]] for end in steps if page.path[:end] in self.pages]


def get_chrome(site: Site | None, language: str) -> Chrome:
    """The cached chrome for ``site`` in ``language``, built on a miss."""
    if site is None:
        return Chrome(language=language, home=None)
    key = versioned_key("chrome", site.pk, language)
    chrome = get_fresh(key)
    if chrome is None:
        chrome = build_chrome(site, language)
        set_fresh(key, chrome, CHROME_TIMEOUT)
    return chrome


def build_chrome(site: Site, language: str) -> Chrome:
    """Read the menu, page titles, legal pages, footer text and organisation facts from the database."""
    from .models import FooterText, InformationPage, OrganisationSettings

    home = (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key, locale__language_code=language, alias_of__isnull=True)
        .first()
    )
    if home is None:
        return Chrome(language=language, home=None)

    tree = (
        Page.objects.live()
        .public()
        .descendant_of(home, inclusive=True)
        .filter(alias_of__isnull=True)
        .order_by("path")
        .specific()
    )
    links: dict[str, Link] = {}
    by_url: dict[str, PageRef] = {}
    by_translation_key: dict = {}
    menu_pages = []
    legal = []
    for page in tree:
        title = getattr(page, "menu_title", "") or page.title
        url = page.get_url(None, site) or ""
        links[page.path] = Link(title, url, page.path)
        by_url[url] = by_translation_key[page.translation_key] = PageRef(page.pk, page.content_type_id, url)
        if page.show_in_menus and page.depth in (home.depth + 1, home.depth + 2):
            menu_pages.append(page)
        if isinstance(page, InformationPage):
            legal.append(links[page.path])

    # Two levels: the home page's children, each with its own children in the menu.
    menu = tuple(
        Link(
            links[top.path].title,
            links[top.path].url,
            top.path,
            tuple(links[child.path] for child in menu_pages if child.depth == top.depth + 1 and child.path.startswith(top.path)),
        )
        for top in menu_pages
        if top.depth == home.depth + 1
    )

    footer = FooterText.objects.filter(locale__language_code=language).order_by("pk").first()
    # Read, never create: a GET must not write (loading the content creates the row).
    settings = OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings(site=site)
    organisation = {
        "name": settings.organisation_name,
        "address_lines": [line.strip() for line in settings.address.splitlines() if line.strip()],
        "email": settings.email,
        "phone": settings.phone,
        "social_links": settings.social_links,
        "default_social_image_id": settings.default_social_image_id,
    }
    return Chrome(
        language=language,
        home=links[home.path],
        menu=menu,
        legal=tuple(legal),
        footer_html=expand_db_html(footer.text) if footer else "",
        organisation=organisation,
        pages=links,
        by_url=by_url,
        by_translation_key=by_translation_key,
    )
