"""The footer text's preview: the home page of its language with the editor's unsaved footer."""

import dataclasses

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .chrome import request_chromes


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
    return response
