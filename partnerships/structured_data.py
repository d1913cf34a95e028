"""schema.org JSON-LD for what partnership pages show."""

from django.utils import timezone

from districts.models import District, Role
from workshops.models import Workshop

GIID = {"@type": "Organization", "name": "Global Institute for Innovation Districts", "url": "https://www.giid.org/"}


def district(district: District, page_url: str) -> dict:
    """An innovation district as an Organization that is also a Place."""
    data = {
        "@context": "https://schema.org",
        "@type": ["Organization", "Place"],
        "name": district.name,
        "mainEntityOfPage": page_url,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": district.city,
            "addressCountry": district.country.code,
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(district.latitude),
            "longitude": float(district.longitude),
        },
    }
    if district.website:
        data["url"] = district.website
    if district.short_description:
        data["description"] = district.short_description
    if district.role == Role.MEMBER:
        data["memberOf"] = GIID
    return data


def event(workshop: Workshop, page_url: str) -> dict:
    """A dated workshop as an online Event; no organiser is named, since no source names one."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": workshop.title,
        "url": page_url,
        "startDate": timezone.localtime(workshop.starts_at).isoformat(),
        "endDate": timezone.localtime(workshop.ends_at or workshop.starts_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        # The meeting link is offered only until the workshop has ended, here as on the page.
        "location": {
            "@type": "VirtualLocation",
            "url": workshop.meeting_url if workshop.show_meeting_link() else page_url,
        },
    }
    if workshop.summary:
        data["description"] = workshop.summary
    return data
