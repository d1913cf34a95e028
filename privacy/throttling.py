"""Throttle guesses at the passwords of private pages and documents, per client address and restriction.

Wagtail's view-restriction password forms (``wagtail.views.authenticate_with_password``
and ``wagtail.documents.views.serve.authenticate_with_password``) compare the
password themselves and never call ``authenticate()``, so django-axes never sees
them: an outside review made 25 guesses in 0.2 s. Attempts are counted in the
cache (any backend: ``add`` and ``incr`` are atomic in Redis and local memory),
per address and restriction, never per restriction alone, or anyone could lock
every visitor out of a page. Each attempt takes its place in the count before
the view runs, so parallel guesses cannot slip past; the right password clears
the count.
"""

from datetime import timedelta

from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from accounts.throttling import client_ip

ATTEMPT_LIMIT = 10
COOLOFF = timedelta(minutes=15)
# Wagtail's URL names of the two forms, and the URL argument naming the restriction.
PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password": "page_view_restriction_id",
    "wagtaildocs_authenticate_with_password": "restriction_id",
}


def attempt_key(url_name: str, restriction_id, address: str | None) -> str:
    """The cache key counting one address's attempts at one restriction's password."""
    return f"privacy:password-attempts:{url_name}:{restriction_id}:{address}"


def count_attempt(key: str) -> int:
    """Count one more attempt and start the cool-off again; the number of attempts so far."""
    seconds = int(COOLOFF.total_seconds())
    if cache.add(key, 1, seconds):
        return 1
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired since add()
        cache.add(key, 1, seconds)
        attempts = 1
    cache.touch(key, seconds)
    return attempts


class PasswordThrottleMiddleware:
    """Answer 429, in the site's layout and the visitor's language, to too many password attempts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "password_attempt_key", None)
        # The forms redirect only when the password was right.
        if key and response.status_code == 302:
            cache.delete(key)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Count a POST to either password form; refuse it once the address has used up its attempts."""
        match = request.resolver_match
        argument = PASSWORD_VIEWS.get(match.url_name) if match else None
        if request.method != "POST" or argument is None:
            return None
        request.password_attempt_key = attempt_key(match.url_name, view_kwargs.get(argument), client_ip(request))
        if count_attempt(request.password_attempt_key) <= ATTEMPT_LIMIT:
            return None
        response = TemplateResponse(request, "privacy/too_many_passwords.html", {"cooloff": COOLOFF}, status=429)
        response["Retry-After"] = str(int(COOLOFF.total_seconds()))
        add_never_cache_headers(response)
        return response
