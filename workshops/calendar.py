"""iCalendar (RFC 5545) files for dated workshops: one per workshop, and a feed of all of them."""

from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event, vUri

from .models import Workshop

TIMEZONE = ZoneInfo(settings.TIME_ZONE)
PRODID = "-//Science City Lyngby//Workshops//DA"
UID_DOMAIN = "sciencecity-lyngby.dk"


def workshop_uid(workshop: Workshop) -> str:
    """The same for every language version and every download, so calendars update rather than duplicate."""
    return f"workshop-{workshop.translation_key}@{UID_DOMAIN}"


def build_calendar(
    workshops: Iterable[Workshop], url_for: Callable[[Workshop], str], name: str, language: str
) -> bytes:
    """A calendar with an event for each dated workshop (undated ones are left out), times in Copenhagen time."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for workshop in workshops:
        if workshop.is_dated:
            calendar.add_component(_event(workshop, url_for(workshop), language))
    # A VTIMEZONE for Europe/Copenhagen, derived from the zone data, for every TZID used.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(workshop: Workshop, url: str, language: str) -> Event:
    event = Event()
    event.add("uid", workshop_uid(workshop))
    # The time this version of the event last changed: stable between downloads.
    event.add("dtstamp", workshop.updated_at)
    event.add("dtstart", workshop.starts_at.astimezone(TIMEZONE))
    if workshop.ends_at:
        event.add("dtend", workshop.ends_at.astimezone(TIMEZONE))
    event.add("summary", workshop.title)
    # The meeting link is offered only until the workshop has ended, here as on the page.
    meeting_url = workshop.meeting_url if workshop.show_meeting_link() else ""
    description = f"{workshop.summary}\n\n{meeting_url}".strip()
    if description:
        event.add("description", description)
    event.add("url", vUri(url))
    event.add("location", meeting_url or "Online")
    return event
