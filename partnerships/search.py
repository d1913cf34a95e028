"""Search sources for the data the partnership pages show: districts below the network page, workshops below the workshops page.

The partnership pages' blocks list data too (``blocks.py``), so they are indexed again after it changes.
"""

from django.db import connection, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.index import insert_or_update_object

from districts.models import District
from navigation.chrome import request_chromes
from search.sources import MAX_RESULTS_PER_SOURCE, SearchResult
from workshops.models import Workshop

from .models import NetworkPage, PartnershipPage, WorkshopsPage


def search_districts(terms: str, request) -> list[SearchResult]:
    """Districts in the visitor's language that match, each linked to its page below the network page."""
    chrome = request_chromes(request)[get_language()]
    network_url = chrome.first_url(NetworkPage)
    if network_url is None:
        return []
    districts = (
        District.objects.filter(locale_id=chrome.locale_id, live=True)
        .only("name", "slug", "short_description", "city", "country")
        .search(terms)[:MAX_RESULTS_PER_SOURCE]
    )
    return [
        SearchResult(
            district.name,
            f"{network_url}{district.slug}/",
            district.short_description or f"{district.city}, {district.country.name}",
            str(_("Innovation district")),
        )
        for district in districts
    ]


def search_workshops(terms: str, request) -> list[SearchResult]:
    """Workshops in the visitor's language that match, each linked to its page below the workshops page."""
    chrome = request_chromes(request)[get_language()]
    workshops_url = chrome.first_url(WorkshopsPage)
    if workshops_url is None:
        return []
    workshops = (
        Workshop.objects.filter(locale_id=chrome.locale_id, live=True)
        .only("title", "slug", "summary")
        .search(terms)[:MAX_RESULTS_PER_SOURCE]
    )
    return [
        SearchResult(workshop.title, f"{workshops_url}{workshop.slug}/", workshop.summary, str(_("Workshop or peer session")))
        for workshop in workshops
    ]


class _PendingReindex:
    """Indexing the partnership pages again, once, when the transaction that changed content commits."""

    def __call__(self):
        for page in PartnershipPage.objects.live():
            insert_or_update_object(page)


def reindex_after_commit(removed_pages=()) -> None:
    """Index the live partnership pages again after the change commits (at once outside a transaction): what they list may have changed."""
    if not any(isinstance(callback, _PendingReindex) for _ids, callback, _robust in connection.run_on_commit):
        # robust: a failed re-index must not undo or fail the editor's save.
        transaction.on_commit(_PendingReindex(), robust=True)
