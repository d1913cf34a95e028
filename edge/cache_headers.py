"""Tell the cache in front of the site (nginx or a CDN) what it may keep, and for how long.

The only full-page cache is in front of the application. It may keep an
anonymous visitor's successful GET of a page that sets no cookie; every
change purges it (``frontend_cache.py``), so it may keep a page until content
changes by itself (``registry.next_change``), at most ``EDGE_CACHE_SECONDS``.
Browsers must ask again every time (``max-age=0``), so an editor's change
reaches them at once. Signed-in staff and responses that set cookies are
never kept by anyone.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from navigation.chrome import request_chromes

NEVER_SHARED = ("/admin/", "/documents/", "/health/", "/_util/")
# Wagtail's document view answers after its permission checks, with the file or a redirect to a signed,
# short-lived address in the bucket: a CDN that kept either would hand it to the next visitor.
PERSONAL = ("/documents/",)
SHAREABLE_TYPES = ("text/html", "application/xml", "text/calendar", "text/plain")


def seconds_until_content_turns(request) -> int:
    """How long any page stays right by itself: until content next changes in time, at most EDGE_CACHE_SECONDS."""
    chrome = request_chromes(request)[get_language()]
    return max(1, min(settings.EDGE_CACHE_SECONDS, chrome.seconds_left()))


def is_signed_in(request) -> bool:
    """A session cookie means a signed-in editor (anonymous visitors get none)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def shareable(request, response) -> bool:
    """An anonymous, successful GET of a public page that sets no cookie and has not asked to stay private."""
    cache_control = response.get("Cache-Control", "")
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_SHARED)
        and not is_signed_in(request)
        and response.status_code == 200
        and not response.cookies
        and response.get("Content-Type", "").startswith(SHAREABLE_TYPES)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class CacheHeadersMiddleware:
    """Mark public pages shareable until content turns, and everything personal private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if shareable(request, response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds_until_content_turns(request))
        elif is_signed_in(request) or response.cookies or request.path.startswith(PERSONAL):
            patch_cache_control(response, private=True, no_store=True)
        return response
