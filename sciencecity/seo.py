"""What search engines and social media read: Open Graph locales and schema.org JSON-LD."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe


def og_locale(language_code: str) -> str:
    """Open Graph's language_TERRITORY for a site language (settings.SITE_LANGUAGES), else the code itself."""
    return settings.SITE_LANGUAGES.get(language_code, {}).get("og_locale", language_code)


def json_ld_script(data: dict) -> SafeString:
    """A <script type="application/ld+json"> block, escaped like Django's json_script so it cannot end early."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def organisation(facts: dict, url: str, language: str) -> dict:
    """schema.org Organization for the organisation's home page, from its settings."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": facts.get("name") or "Science City Lyngby",
        "url": url,
        "inLanguage": language,
    }
    if facts.get("address_lines"):
        data["address"] = {"@type": "PostalAddress", "streetAddress": ", ".join(facts["address_lines"])}
    if facts.get("email"):
        data["email"] = facts["email"]
    if facts.get("phone"):
        data["telephone"] = facts["phone"]
    if facts.get("social_links"):
        data["sameAs"] = [link for _name, link in facts["social_links"]]
    return data
