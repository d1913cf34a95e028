"""Previews of data: shown in the admin's preview panel, and the footer text's preview.

Wagtail renders a preview through a request for the object's public address,
so the public policy applies, and its ``frame-ancestors 'none'`` would keep
the preview out of the admin's panel. Our previews have no scripts or
styles inline either, so they only allow the admin's own frame.
"""

import dataclasses

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .chrome import request_chromes


def frameable(response):
    """Let the admin, on the same origin, show this preview in its panel; the rest of the policy stays strict."""
    response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response


def footer_on_home_page(request, footer) -> HttpResponse:
    """The home page in the footer's language, its footer replaced by this version (nothing is cached)."""
    home = Page.objects.live().filter(depth=2, locale_id=footer.locale_id, alias_of__isnull=True).first()
    if home is None:
        message = _("There is no published home page to show the preview on yet.")
        return HttpResponse(f"<p>{message}</p>", content_type="text/html; charset=utf-8")
    language = footer.locale.language_code
    chromes = dict(request_chromes(request))
    chromes[language] = dataclasses.replace(chromes[language], footer_html=expand_db_html(footer.text))
    request._sciencecity_chromes = chromes
    with translation.override(language):
        response = home.specific.serve(request)
        response.render()
    return frameable(response)
