"""The launch checklist's items from the translations: pages and data missing or out of date in each target language."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial.checklist import Item
from sciencecity.languages import language_name, target_languages

from .status import State, target_locale_for, translation_statuses
from .views import can_see_report


def translation_gaps(user) -> list[Item]:
    """Per target language: how many Danish pages and data have no version in it, and how many an outdated one."""
    if not can_see_report(user):
        return []
    items = []
    for code in target_languages():
        locale = target_locale_for(code)
        if locale is not None:
            items += _gaps(code, translation_statuses(locale))
    return items


def _gaps(code: str, statuses) -> list[Item]:
    """The checklist's items for one target language."""
    report = reverse("translation_status")
    language = language_name(code)
    items = []
    missing = sum(1 for status in statuses if status.state == State.MISSING)
    if missing:
        text = ngettext(
            "%(count)s Danish page or piece of data has no version in %(language)s yet.",
            "%(count)s Danish pages and pieces of data have no version in %(language)s yet.",
            missing,
        )
        url = f"{report}?{urlencode({'language': code, 'state': State.MISSING})}"
        items.append(Item(text % {"count": missing, "language": language}, url, _("See what to translate")))
    outdated = sum(1 for status in statuses if status.state == State.OUT_OF_DATE)
    if outdated:
        text = ngettext(
            "%(count)s page or piece of data in %(language)s is out of date with the Danish one.",
            "%(count)s pages and pieces of data in %(language)s are out of date with the Danish ones.",
            outdated,
        )
        url = f"{report}?{urlencode({'language': code, 'state': State.OUT_OF_DATE})}"
        items.append(Item(text % {"count": outdated, "language": language}, url, _("See what to update")))
    return items
