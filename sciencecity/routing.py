"""Serving pages with few queries: the request's Site and the route to a page come from caches.

Wagtail looks up the Site for every request, and walks the page tree one
level at a time (two queries per level) to find a page. Both are read here
from what is already cached per site and language (``chrome.py``); a page
that is not there (private, unpublished, or new since) is routed by Wagtail
as usual, so nothing is ever served that Wagtail would not serve.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction, Site

from .cache import cached, get_fresh, set_fresh, versioned_key
from .chrome import get_chrome

SITE_TIMEOUT = 60 * 60
# Addresses that are no pages: they need no Site (and the health check must not touch the database twice).
NOT_PAGES = ("/admin/", "/documents/", "/static/", "/media/", "/health/")


class SiteCacheMiddleware:
    """Give Wagtail the request's Site from the cache (it keeps it on ``request._wagtail_site``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(NOT_PAGES):
            return self.get_response(request)
        key = versioned_key("site", request.get_host())
        site = get_fresh(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                set_fresh(key, site, SITE_TIMEOUT)
        else:
            request._wagtail_site = site
        return self.get_response(request)


class ChromeRoutingMixin:
    """For a home page: find the requested page in the cached chrome instead of walking the tree."""

    def route(self, request, path_components):
        """The deepest page the address names, from the chrome; then that page's own routing (routes, 404)."""
        site = Site.find_for_request(request) if path_components else None
        if site is not None:
            chrome = get_chrome(site, get_language())
            if chrome.home is not None and chrome.home.url == self.url:
                for cut in range(len(path_components), 0, -1):
                    ref = chrome.by_url.get(chrome.home.url + "/".join(path_components[:cut]) + "/")
                    if ref is not None:
                        model = ContentType.objects.get_for_id(ref.content_type_id).model_class()
                        page = model.objects.filter(pk=ref.page_id).first()
                        if page is not None:
                            return page.route(request, path_components[cut:])
                        break
        return super().route(request, path_components)


def restricted_paths() -> list[str]:
    """The tree paths of pages with a view restriction (their subtrees are private), cached until content changes."""
    return cached(
        ("restricted-paths",),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
