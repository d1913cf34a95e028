"""The site's public URLs, collected from the site itself: every check that sweeps the site starts here.

Pages come from the live page tree in every locale (with the routes routable
pages list in their sitemap entries); other public URLs from the URLconf's
named patterns. ``test_site_urls`` fails when a page type, a route or a named
URL has no entry, so a new one is checked without anyone remembering to add it.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from sciencecity.visibility import public_pages

# Named URL patterns that are public but not pages, with what they answer.
# Each entry: url name -> (content kind, whether it is per language).
NON_PAGE_URLS: dict[str, tuple[str, bool]] = {
    "sitemap": ("xml", False),
    "robots_txt": ("text", False),
    "search": ("html", True),
}

# Named URL patterns that are deliberately not swept, and why.
NOT_SWEPT = {
    "wagtaildocs_serve": "serves an uploaded file by id; covered by the documents tests",
    "wagtaildocs_authenticate_with_password": "a password form for private documents; none are seeded",
    "wagtailimages_serve": "serves an image rendition by signature",
    "wagtail_serve": "the page tree itself, swept page by page",
    "wagtailcore_authenticate_with_password": "a private page's password form: a state of the browser sweep",
    "wagtailcore_login": "the sign-in for signed-in users' pages: a state of the browser sweep",
    "set_language": "a POST-only form handler",
    "share_image": "a page's share picture, at the address its og:image names; tests/browser/test_design.py fetches each",
}


@dataclass(frozen=True)
class SiteURL:
    """One public URL with what it should answer."""

    path: str
    kind: str  # "html", "xml", "text" or "calendar"
    status: int = 200
    language: str | None = None
    source: str = ""  # what put it on the list: "page:app.Model", "route:app.Model:name", "url:name", "404"


def page_urls() -> list[SiteURL]:
    """Every live, public, non-alias page of the default site, with each URL its sitemap entry lists."""
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    urls = []
    for page in public_pages(site).filter(alias_of__isnull=True).specific().order_by("path"):
        model = page._meta.label
        for entry in page.get_sitemap_urls(request):
            path = urlsplit(entry["location"]).path
            route = page_route_name(page, path)
            source = f"route:{model}:{route}" if route else f"page:{model}"
            urls.append(SiteURL(path, "html", language=page.locale.language_code, source=source))
        # Calendar files and feeds are no pages: the sitemap leaves them out, the sweep does not.
        for route_path in getattr(page, "feed_routes", list)():
            path = page.url + route_path
            source = f"route:{model}:{page_route_name(page, path)}"
            urls.append(SiteURL(path, "calendar", language=page.locale.language_code, source=source))
    return urls


def page_route_name(page, path: str) -> str | None:
    """The name of the route of a routable page that ``path`` reaches, or None for the page itself."""
    if not hasattr(page, "resolve_subpage"):
        return None
    remainder = path[len(page.url) :] if path.startswith(page.url) else ""
    if not remainder:
        return None
    return page.get_resolver().resolve("/" + remainder).url_name


def non_page_urls() -> list[SiteURL]:
    """The named public URLs that are not pages, in each language where they are per language."""
    urls = []
    for name, (kind, per_language) in NON_PAGE_URLS.items():
        languages = [code for code, _name in settings.LANGUAGES] if per_language else [None]
        for language in languages:
            with translation.override(language or settings.LANGUAGE_CODE):
                urls.append(SiteURL(reverse(name), kind, language=language, source=f"url:{name}"))
    return urls


def not_found_urls() -> list[SiteURL]:
    """An unknown address in each language: the 404 page is a page visitors see too."""
    return [
        SiteURL(f"/{code}/denne-side-findes-ikke/", "html", status=404, language=code, source="404")
        for code, _name in settings.LANGUAGES
    ]


def collect_site_urls() -> list[SiteURL]:
    """The whole list: pages and routes, other public URLs, and the 404 page."""
    return [*page_urls(), *non_page_urls(), *not_found_urls()]
