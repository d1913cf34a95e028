"""Template helpers for the accounts screens."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timeuntil

register = template.Library()


@register.filter
def duration(value: timedelta | None) -> str:
    """A length of time in words in the active language, e.g. "15 minutter"."""
    if not value:
        return ""
    now = timezone.now()
    return timeuntil(now + value, now)
