"""Answer 400, not 500, when a translation's segment is saved without its value.

Upstream gap (wagtail-localize 1.14.5, ``views/edit_translation.py``; not reported upstream):
``edit_string_translation`` and ``edit_override`` read ``request.POST["value"]`` of a ``PUT``
unchecked, so a ``PUT`` without ``value`` raises ``KeyError``: a 500. The translation editor always
sends it. Here such a request is answered 400 with a message in the translator's language, before
upstream's view runs, and nothing changes. Delete this module and its call in ``translations.apps``
once upstream validates the request.

Upstream: no issue found (searched 2026-12-07); to report: edit_string_translation and edit_override answer a PUT
without "value" with a KeyError (500) instead of a 400.
"""

import functools
from io import BytesIO

from django.http import JsonResponse
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.utils.translation import gettext as _
from wagtail_localize.views import edit_translation


def posted_value(request) -> bool:
    """Whether the PUT's form data holds a ``value`` (read from a copy: the view reads the body again)."""
    if not request.content_type.startswith("multipart/"):
        return True  # upstream's parser decides, and answers other formats itself
    try:
        data, _files = MultiPartParser(request.META, BytesIO(request.body), [], request.encoding).parse()
    except MultiPartParserError:
        return False
    return "value" in data


def requires_value(view):
    """Upstream's API view, refusing a ``PUT`` without ``value``."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "PUT" and not posted_value(request):
            return JsonResponse({"error": _("The translation was sent without its text, so nothing was saved.")}, status=400)
        return view(request, *args, **kwargs)

    return wrapper


def apply() -> None:
    """Wrap the two views once, at start-up (before wagtail-localize's URLs are built)."""
    edit_translation.edit_string_translation = requires_value(edit_translation.edit_string_translation)
    edit_translation.edit_override = requires_value(edit_translation.edit_override)
