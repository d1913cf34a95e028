"""The page cache: rendered public pages kept per address (and so per language), shared by every instance.

A page is cached when an anonymous visitor GETs it (with no query string, or
one that only names a search, a filter or a page of results) and it answers
200 without setting a cookie. The key carries the content version
(``cache.py``), so any publish, move, delete or save of something pages show
makes every cached page stale at once, on every instance sharing the cache
(Redis in production). Pages also expire by themselves when the next
workshop ends, since then a workshop moves from upcoming to past.

Never cached: the admin and its previews, signed-in users (their responses
are marked ``private, no-store``), other methods, responses with cookies.
The same rules give downstream caches ``Cache-Control`` with ``s-maxage`` and
``stale-while-revalidate`` on public pages.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .cache import cached, get_fresh, one_version_per_request, set_fresh, versioned_key

UNCACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/health/")
# Query strings that name a view of a page (a search, a filter, a page of results) are cached too,
# normalised; anything else in a query string, or a long one, goes to the site uncached.
CACHEABLE_PARAMETERS = {"q", "page", "country", "continent", "topic", "district"}
MAX_CACHED_QUERY = 200
CACHEABLE_TYPES = ("text/html", "application/xml", "text/calendar", "text/plain")


def seconds_until_content_turns(now: datetime.datetime | None = None) -> int:
    """How long any page stays right by itself: until the next workshop ends, at most PAGE_CACHE_SECONDS."""
    from workshops.models import Workshop

    longest = settings.PAGE_CACHE_SECONDS
    now = now or timezone.now()

    def next_end():
        upcoming = Workshop.objects.filter(ends_at__gt=timezone.now()).order_by("ends_at").values_list("ends_at", flat=True)
        undated_end = Workshop.objects.filter(ends_at=None, starts_at__gt=timezone.now()).order_by("starts_at")
        ends = [*upcoming[:1], *undated_end.values_list("starts_at", flat=True)[:1]]
        return min(ends) if ends else None

    def seconds_until(turn) -> int:
        if turn is None or turn <= now:
            return longest
        return max(1, min(longest, int((turn - now).total_seconds()) + 1))

    # Kept until that turn comes, so the next one is looked up as soon as it matters.
    return seconds_until(cached(("next-workshop-end",), next_end, timeout=seconds_until))


def is_signed_in(request) -> bool:
    """A session cookie means a signed-in editor (anonymous visitors get none)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cacheable_query(request) -> str | None:
    """The query string in a normal form if the page may be cached with it, else None."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return ""
    if len(raw) > MAX_CACHED_QUERY or not set(request.GET) <= CACHEABLE_PARAMETERS:
        return None
    if any(len(values) > 1 for _name, values in request.GET.lists()):
        return None
    return request.GET.urlencode() if list(request.GET) == sorted(request.GET) else _sorted_query(request.GET)


def _sorted_query(query) -> str:
    copy = query.copy()
    ordered = sorted(copy.items())
    copy.clear()
    for name, value in ordered:
        copy[name] = value
    return copy.urlencode()


def page_key(request, query: str) -> str:
    """The cache key of an address: host, path (the language is in the path) and normalised query."""
    return versioned_key("page", request.get_host(), request.path, query)


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, and give downstream caches the right headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            return self.answer(request)

    def answer(self, request):
        """The cached page, or the site's answer (kept when it may be)."""
        public = request.method in ("GET", "HEAD") and not request.path.startswith(UNCACHED_PREFIXES)
        if not public or is_signed_in(request):
            return self.private(self.get_response(request), request)

        query = cacheable_query(request) if settings.PAGE_CACHE else None
        use_cache = query is not None
        key = page_key(request, query) if use_cache else None
        if use_cache and (response := get_fresh(key)) is not None:
            return response

        response = self.get_response(request)
        if self.cacheable(response):
            seconds = seconds_until_content_turns()
            patch_cache_control(
                response,
                public=True,
                max_age=min(60, seconds),
                s_maxage=seconds,
                stale_while_revalidate=60,
            )
            if use_cache:
                set_fresh(key, response, seconds)
            return response
        return self.private(response, request)

    @staticmethod
    def cacheable(response) -> bool:
        """A 200 of a page-like type that sets no cookie and has not asked to stay private."""
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not getattr(response, "streaming", False)
        )

    @staticmethod
    def private(response, request):
        """Signed-in users' pages and responses with cookies must not be kept by anyone else."""
        if is_signed_in(request) or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        return response
