"""sitemap.xml: every public page and route in every language, each with its translations as hreflang alternates."""

from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .visibility import public_pages


def sitemap_entries(request) -> list[dict]:
    """Entries for Django's sitemap template: location, lastmod and alternates (x-default last)."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    # Aliases serve another language's text: never listed, never an alternate.
    pages = list(public_pages(site).filter(alias_of__isnull=True).select_related("locale").specific().order_by("path"))

    versions = defaultdict(list)
    for page in pages:
        versions[page.translation_key].append(page)
    routes = {page.pk: set(page.sitemap_routes()) if hasattr(page, "sitemap_routes") else {""} for page in pages}

    entries = []
    for page in pages:
        for entry in page.get_sitemap_urls(request):
            route = entry.get("route", "")
            alternates = [
                {"lang_code": version.locale.language_code, "location": request.build_absolute_uri(version.url + route)}
                for version in versions[page.translation_key]
                if route in routes[version.pk]
            ]
            default = next((alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE), None)
            if default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            entries.append({"location": entry["location"], "lastmod": entry.get("lastmod"), "alternates": alternates})
    return entries


@require_safe
@cache_control(max_age=60 * 60, public=True)
def sitemap(request):
    """The sitemap, in the sitemaps.org format with xhtml:link alternates."""
    return TemplateResponse(request, "sitemap.xml", {"urlset": sitemap_entries(request)}, content_type="application/xml")
