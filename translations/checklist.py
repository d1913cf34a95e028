"""The launch checklist's items from the translations: Swedish pages and data that are missing or out of date."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial.checklist import Item

from .status import State, translation_statuses
from .views import can_see_report


def swedish_gaps(user) -> list[Item]:
    """How many Danish pages and data have no Swedish version, and how many have an outdated one."""
    if not can_see_report(user):
        return []
    statuses = translation_statuses()
    report = reverse("translation_status")
    items = []
    missing = sum(1 for status in statuses if status.state == State.MISSING)
    if missing:
        text = ngettext(
            "%(count)s Danish page or piece of data has no Swedish version yet.",
            "%(count)s Danish pages and pieces of data have no Swedish version yet.",
            missing,
        )
        url = f"{report}?{urlencode({'state': State.MISSING})}"
        items.append(Item(text % {"count": missing}, url, _("See what to translate")))
    outdated = sum(1 for status in statuses if status.state == State.OUT_OF_DATE)
    if outdated:
        text = ngettext(
            "%(count)s Swedish page or piece of data is out of date with the Danish one.",
            "%(count)s Swedish pages and pieces of data are out of date with the Danish ones.",
            outdated,
        )
        url = f"{report}?{urlencode({'state': State.OUT_OF_DATE})}"
        items.append(Item(text % {"count": outdated}, url, _("See what to update")))
    return items
