"""The parts of every page that come from the database: menu, page titles for breadcrumbs, footer.

They are computed once per site and language and kept in the shared cache
under the content's version (``sciencecity.models.ContentVersion``, one query
per request): every change gives the content a new version in its own
transaction, so no process reads an entry built before it, even when the cache
was unreachable at the time of the change or a rebuild raced it. They also
expire by themselves when content next changes in time (``registry.next_change``).
Each build has its own ``generation``, so what is cached on top of it (a
page's rendered body, ``templatetags/body_tags.py``) is never read after a change.
"""

import datetime
import uuid
from types import SimpleNamespace
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.rich_text import expand_db_html

from sciencecity import registry
from sciencecity.models import Alternate, ContentVersion, FooterText, InformationPage, OrganisationSettings
from sciencecity.visibility import visible

CHROME_TIMEOUT = 24 * 60 * 60
# The header shows the logo this many CSS pixels high, at most; the second height is for screens with twice the pixels.
LOGO_HEIGHTS = (48, 96)
# Which site answers each host and port (``routing.find_site``), per content version.
SITES_KEY = "sites:{version}"


@dataclass(frozen=True)
class Link:
    """A page as menus and breadcrumbs show it."""

    title: str
    url: str
    path: str  # the page's tree path, to tell the current page and its ancestors
    children: tuple["Link", ...] = ()
    summary: str = ""  # what search results show of the page
    lang: str = ""  # the language of the title where it is not the chrome's: an alias shows its original's


@dataclass(frozen=True)
class Chrome:
    """Everything a page's header and footer need, for one site and language.

    It also knows the address of every live, public page of the language by
    translation key, so the language links need no queries.
    """

    language: str
    home: Link | None
    locale_id: int | None = None  # the language's Wagtail locale, for filtering data without a look-up
    menu: tuple[Link, ...] = ()
    legal: tuple[Link, ...] = ()
    footer_html: str = ""
    organisation: dict = field(default_factory=dict)
    pages: dict[str, Link] = field(default_factory=dict)
    by_translation_key: dict[str, str] = field(default_factory=dict)
    by_url: dict[str, tuple[int, int]] = field(default_factory=dict)  # URL: (page id, content type id)
    generation: str = ""
    next_turn: datetime.datetime | None = None

    def seconds_left(self) -> int:
        """How long this chrome (and what is built with it) stays right: until the next turn, at most a day."""
        if self.next_turn is None:
            return CHROME_TIMEOUT
        return max(0, min(CHROME_TIMEOUT, int((self.next_turn - timezone.now()).total_seconds())))

    def first_url(self, model) -> str | None:
        """The address of the first live, public page of type ``model`` in tree order, or None."""
        content_type_id = ContentType.objects.get_for_model(model).pk
        return next((url for url, (_pk, type_id) in self.by_url.items() if type_id == content_type_id), None)

    def breadcrumbs(self, page) -> list[Link]:
        """The home page and the page's live ancestors, the page itself last."""
        steps = range(len(self.home.path), len(page.path) + 1, Page.steplen) if self.home else []
        return [self.pages[page.path[:end]] for end in steps if page.path[:end] in self.pages]


def request_chromes(request) -> dict[str, Chrome]:
    """Every language's chrome for the request's site: one cache look-up per request, built on a miss."""
    chromes = getattr(request, "_sciencecity_chromes", None)
    if chromes is None:
        chromes = request._sciencecity_chromes = get_chromes(find_site(request), content_version(request))
    return chromes


def content_version(request) -> str:
    """The content's version for this request: read once, so every cached part of one response agrees."""
    if not hasattr(request, "_sciencecity_content_version"):
        request._sciencecity_content_version = ContentVersion.current()
    return request._sciencecity_content_version


def find_site(request) -> Site | None:
    """Wagtail's choice of site for the request's host and port, kept in the shared cache and on the request."""
    if not hasattr(request, "_wagtail_site"):
        hostname, _port = split_domain_port(request.get_host())
        address = (hostname, request.get_port())
        key = SITES_KEY.format(version=content_version(request))
        table = cache.get(key) or {}
        if address not in table:
            try:
                site = get_site_for_hostname(*address)
            except Site.DoesNotExist:
                site = None
            # Host names are limited by ALLOWED_HOSTS, so the table stays small.
            table = {**table, address: site}
            cache.set(key, table, CHROME_TIMEOUT)
        # Where Wagtail's Site.find_for_request looks first.
        request._wagtail_site = table[address]
    return request._wagtail_site


def get_chromes(site: Site | None, version: str = "") -> dict[str, Chrome]:
    """The cached chrome of ``site`` in every language for the content's ``version``, built where missing."""
    codes = [code for code, _name in settings.LANGUAGES]
    if site is None:
        return {code: Chrome(language=code, home=None) for code in codes}
    keys = {code: chrome_key(site.pk, code, version) for code in codes}
    found = cache.get_many(list(keys.values()))
    chromes = {}
    for code in codes:
        chromes[code] = found.get(keys[code])
        if chromes[code] is None or chromes[code].seconds_left() <= 0:
            chromes[code] = build_chrome(site, code)
            cache.set(keys[code], chromes[code], chromes[code].seconds_left() or 1)
    return chromes


def cached_with_content(request, key: str, build):
    """``build()``, kept in the shared cache until content changes (the chrome's generation) or turns in time."""
    chrome = request_chromes(request)[get_language()]
    full_key = f"content:{chrome.generation}:{get_language()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, chrome.seconds_left() or 1)
    return value


def chrome_key(site_id: int, language: str, version: str) -> str:
    """The cache key of one site's chrome in one language, for one version of the content."""
    return f"chrome:{version}:{site_id}:{language}"


def page_alternates(request, page, route: str = "") -> list[Alternate]:
    """Every live, real language version of ``page`` (``route`` appended), from the chrome where it knows them."""
    if request is not None and not getattr(page, "alias_of_id", None):
        chromes = request_chromes(request)
        alternates = [
            Alternate(code, url + route)
            for code, _name in settings.LANGUAGES
            if (url := chromes[code].by_translation_key.get(str(page.translation_key))) is not None
        ]
        if alternates:
            return alternates
    return page.get_alternates(request, route)


def build_chrome(site: Site, language: str) -> Chrome:
    """Read the menu, page titles, legal pages, footer text and organisation facts from the database."""
    # A language not translated yet has an alias of the home page (wagtail-localize's synchronisation): its
    # menu and footer are then built from the aliases, which the pages themselves mark as untranslated.
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key, locale__language_code=language)
    home = homes.filter(alias_of__isnull=True).first() or homes.first()
    # Only what visitors may read (``sciencecity/visibility.py``); a private home page leaves the language without one.
    tree = visible(Page.objects.descendant_of(home, inclusive=True)).order_by("path").specific() if home else []
    tree = list(tree)
    if not tree or tree[0].pk != home.pk:
        return Chrome(language=language, home=None)

    # Wagtail keeps the site root paths it looks up on the "request" it is given: one look-up for the tree.
    lookups = SimpleNamespace()
    links: dict[str, Link] = {}
    by_translation_key: dict[str, str] = {}
    by_url: dict[str, tuple[int, int]] = {}
    menu_pages = []
    legal = []
    original_languages = dict(
        Page.objects.filter(pk__in={page.alias_of_id for page in tree if page.alias_of_id}).values_list(
            "pk", "locale__language_code"
        )
    )
    for page in tree:
        title = getattr(page, "menu_title", "") or page.title
        url = page.get_url(lookups, site) or ""
        summary = page.search_description or getattr(page, "introduction", "")
        lang = original_languages.get(page.alias_of_id, language)
        links[page.path] = Link(title, url, page.path, summary=summary, lang="" if lang == language else lang)
        if not page.alias_of_id:
            # An alias is no translation: never an alternate, and Wagtail serves it (with its notice).
            by_translation_key[str(page.translation_key)] = url
            by_url[url] = (page.pk, page.content_type_id)
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
            summary=links[top.path].summary,
            lang=links[top.path].lang,
        )
        for top in menu_pages
        if top.depth == home.depth + 1
    )

    footer = FooterText.objects.filter(locale__language_code=language, live=True).order_by("pk").first()
    # Read, never create: a GET must not write (loading the content creates the row).
    settings = OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings(site=site)
    organisation = {
        "name": settings.organisation_name,
        "address_lines": [line.strip() for line in settings.address.splitlines() if line.strip()],
        "email": settings.email,
        "phone": settings.phone,
        "social_links": settings.social_links,
        "default_social_image_id": settings.default_social_image_id,
        "logo": logo_sources(settings.logo) if settings.logo_id else None,
    }
    # The name alone is no way to reach anyone: without the rest, no contact block is shown.
    organisation["has_contact"] = bool(
        organisation["address_lines"] or organisation["email"] or organisation["phone"] or organisation["social_links"]
    )
    return Chrome(
        language=language,
        home=links[home.path],
        locale_id=home.locale_id,
        menu=menu,
        legal=tuple(legal),
        footer_html=expand_db_html(footer.text) if footer else "",
        organisation=organisation,
        pages=links,
        by_translation_key=by_translation_key,
        by_url=by_url,
        generation=uuid.uuid4().hex,
        next_turn=registry.next_change(),
    )


def logo_sources(image) -> dict:
    """The header's logo as the cached chrome keeps it: PNG and WebP renditions at the header's height and twice it."""
    specs = {(kind, height): f"height-{height}|format-{kind}" for kind in ("png", "webp") for height in LOGO_HEIGHTS}
    renditions = image.get_renditions(*specs.values())
    png = [renditions[specs[("png", height)]] for height in LOGO_HEIGHTS]
    webp = [renditions[specs[("webp", height)]] for height in LOGO_HEIGHTS]
    return {
        "src": png[0].url,
        "srcset": f"{png[0].url} 1x, {png[1].url} 2x",
        "webp_srcset": f"{webp[0].url} 1x, {webp[1].url} 2x",
        "width": png[0].width,
        "height": png[0].height,
    }
