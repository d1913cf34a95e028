"""Find a request's site and page from the shared cache instead of the database.

Wagtail resolves both on every request: the site with one query, the page by
walking the tree from the localized root (a query for the active locale, one
for the root and one per level). The chrome (``chrome.py``) already knows
the address of every live, public page and is forgotten on every change, so
a public page costs two queries: itself, and its view restrictions. Anything
the chrome does not know (a private, new or unknown address) goes through
Wagtail's routing as before.

The chrome only says where a page is, never that it is public: a chrome built
just before a privacy change may be written to the cache after it, so Wagtail
checks the page's restrictions in the database on every request
(``BasePage.get_view_restrictions``).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views

from .chrome import find_site, request_chromes


def route_from_chrome(request, path: str):
    """Wagtail's route result for a page the chrome lists at this address (or below it), or ``...`` when it lists none."""
    chrome = request_chromes(request).get(get_language())
    if chrome is None or chrome.home is None or not path.startswith(chrome.home.url):
        return ...
    components = [part for part in path[len(chrome.home.url):].split("/") if part]
    for cut in range(len(components), -1, -1):
        url = chrome.home.url + "".join(f"{part}/" for part in components[:cut])
        if (ref := chrome.by_url.get(url)) is not None:
            page = ContentType.objects.get_for_id(ref[1]).get_object_for_this_type(pk=ref[0])
            page.__dict__["url"] = url
            try:
                return page.route(request, components[cut:])
            except Http404:
                return None
    return ...


class RoutingMiddleware:
    """Give Wagtail's page view its site and page from the cache, where Wagtail looks first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail's page view: its site and route, where the chrome knows the address."""
        if view_func is wagtail_views.serve:
            find_site(request)
            route = route_from_chrome(request, request.path)
            if route is not ...:
                request._wagtail_route_for_request = route
