"""schema.org JSON-LD for what partnership pages show."""

from districts.models import District, Role

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
