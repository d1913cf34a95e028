"""Throttle guesses at the passwords of private pages and documents, per client address and restriction.

Wagtail's view-restriction password forms (``wagtail.views.authenticate_with_password``
and ``wagtail.documents.views.serve.authenticate_with_password``) compare the
password themselves and never call ``authenticate()``, so django-axes never sees
them: an outside review made 25 guesses in 0.2 s. Attempts are counted per
address and restriction, never per restriction alone, or anyone could lock
every visitor out of a page.

The counts are rows of a table (``models.PasswordAttempts``), not cache
entries, so emptying or filling the cache never resets them; only attempts at
a restriction that exists are counted, so made-up ones add nothing. Each
attempt takes its place with one conditional UPDATE before the view runs, so
parallel guesses cannot slip past the limit; the right password clears the count.
"""

from datetime import timedelta

from django.db.models import Case, F, Q, Value, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from accounts.throttling import client_ip

from .models import PasswordAttempts

ATTEMPT_LIMIT = 10
COOLOFF = timedelta(minutes=15)
# Wagtail's URL names of the two forms: the URL argument naming the restriction, and its model.
PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password": ("page_view_restriction_id", PageViewRestriction),
    "wagtaildocs_authenticate_with_password": ("restriction_id", CollectionViewRestriction),
}


def count_attempt(counter: dict) -> bool:
    """Count one more attempt of ``counter`` (form, restriction and address); whether it is within the limit.

    An attempt after the limit is refused and starts the cool-off again; one after a
    quiet cool-off starts a new count.
    """
    now = timezone.now()
    quiet_since = now - COOLOFF
    row, created = PasswordAttempts.objects.get_or_create(**counter, defaults={"last_attempt_at": now})
    if created:
        # Counts nobody has added to for a cool-off count for nothing.
        PasswordAttempts.objects.filter(last_attempt_at__lt=quiet_since).delete()
    mine = PasswordAttempts.objects.filter(pk=row.pk)
    # One statement decides and counts: the database takes the row's lock, so parallel attempts queue.
    counted = mine.filter(Q(attempts__lt=ATTEMPT_LIMIT) | Q(last_attempt_at__lt=quiet_since)).update(
        attempts=Case(When(last_attempt_at__lt=quiet_since, then=Value(1)), default=F("attempts") + 1),
        last_attempt_at=now,
    )
    if not counted:
        mine.update(last_attempt_at=now)
    return bool(counted)


class PasswordThrottleMiddleware:
    """Answer 429, in the site's layout and the visitor's language, to too many password attempts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        counter = getattr(request, "password_attempts", None)
        # The forms redirect only when the password was right.
        if counter and response.status_code == 302:
            PasswordAttempts.objects.filter(**counter).delete()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Count a POST to either form for a restriction that exists; refuse it once the address has used up its attempts."""
        match = request.resolver_match
        argument, model = PASSWORD_VIEWS.get(match.url_name, (None, None)) if match else (None, None)
        if request.method != "POST" or argument is None:
            return None
        restriction_id = int(view_kwargs[argument])  # the URL pattern takes digits only
        if not model.objects.filter(pk=restriction_id).exists():
            return None  # Wagtail's view answers 404; nothing to guess, nothing to count
        request.password_attempts = {"form": match.url_name, "restriction_id": restriction_id,
                                     "address": client_ip(request) or ""}
        if count_attempt(request.password_attempts):
            return None
        response = TemplateResponse(request, "privacy/too_many_passwords.html", {"cooloff": COOLOFF}, status=429)
        response["Retry-After"] = str(int(COOLOFF.total_seconds()))
        add_never_cache_headers(response)
        return response
