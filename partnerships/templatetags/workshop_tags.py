"""Template filters for showing workshops."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from workshops.models import Kind

register = template.Library()


@register.filter
def kind_label(workshop):
    """The workshop's kind; "GIID Network Peer Session" is an English name, so it is marked as English."""
    label = workshop.get_kind_display()
    if workshop.kind == Kind.PEER_SESSION:
        return format_html('<span lang="{}">{}</span>', settings.NETWORK_LANGUAGE, label)
    return label


@register.filter
def title_lang(workshop) -> str:
    """The language of a workshop's title when it differs from the page's: English, or the Danish standing in."""
    if workshop.title_language:
        return workshop.title_language
    return source_lang(workshop)


@register.filter
def source_lang(obj) -> str:
    """The object's language when a Danish version stands in for a missing translation, else ""."""
    language = obj.locale.language_code
    return language if language != get_language() else ""
