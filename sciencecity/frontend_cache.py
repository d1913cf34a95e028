"""Purge every public address from the caches in front of the site whenever content changes.

Wagtail's frontend cache purges a page's own addresses when it is published
or unpublished. But a page also shows other pages (menus, listings) and data
(districts, workshops, the footer), and the nginx purge module removes one
exact address at a time. So on any change that starts a new content version
(``cache.py``), every address of the site is purged, once per transaction,
after it commits (``signals.py``): a small site has a few hundred, and an edge cache that
never serves a stale page is worth a few hundred local PURGE requests.
"""

from django.conf import settings
from django.test import RequestFactory
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def public_urls() -> list[str]:
    """Every address a visitor can read: each page and route in every language, and the calendar files."""
    from wagtail.models import Page, Site

    urls = []
    for site in Site.objects.all():
        request = RequestFactory().get("/", HTTP_HOST=site.hostname, SERVER_PORT=site.port)
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        for root in roots:
            pages = Page.objects.descendant_of(root, inclusive=True).live().public().filter(alias_of__isnull=True)
            for page in pages.specific():
                base = page.get_full_url(request)
                if not base:
                    continue
                urls.extend(entry["location"] for entry in page.get_sitemap_urls(request))
                urls.extend(base + route for route in getattr(page, "feed_routes", list)())
    return urls


def purge_everything() -> None:
    """Purge every public address from every configured frontend cache."""
    batch = PurgeBatch()
    batch.add_urls(public_urls())
    batch.purge()


def purge_if_configured() -> None:
    """Purge everything, where a frontend cache is configured (WAGTAILFRONTENDCACHE)."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_everything()
