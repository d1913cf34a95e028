"""Template filters for text fields."""

import re

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from sciencecity import languages

register = template.Library()

_SINGLE_PARAGRAPH = re.compile(r"^\s*<p(?:\s[^>]*)?>(?P<inner>.*)</p>\s*$", re.DOTALL)


@register.filter
def richtext_inline(value):
    """Render a one-paragraph rich text without its <p>, to sit inside a sentence or heading of ours."""
    html = expand_db_html(value or "")
    match = _SINGLE_PARAGRAPH.match(html)
    if match and "<p" not in match.group("inner"):
        html = match.group("inner")
    return mark_safe(html)  # noqa: S308 - rich text is sanitised by Wagtail's editor on the way in


@register.simple_tag
def language_name(code: str) -> str:
    """A language's name as a sentence in the active language writes it ("svensk" in Danish, "Swedish" in English)."""
    return str(languages.language_name(code))
