"""Search sources for the data the partnership pages show: districts and partners below the network page, workshops
below the workshops page, and the workshops' topics (the workshops about one, or the page that lists it).

The partnership pages' blocks list data too (``blocks.py``), so they are indexed again after it changes.
"""

from django.db import connection, transaction
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.index import insert_or_update_object

from districts.models import District
from navigation.chrome import cached_with_content, request_chromes
from search.sources import MAX_RESULTS_PER_SOURCE, SearchResult
from workshops.models import Topic, Workshop

from .models import NetworkPage, PartnershipPage, WorkshopsPage


def search_districts(terms: str, request) -> list[SearchResult]:
    """Districts in the visitor's language that match, each linked to its page below the network page, with its role.

    The role says what each is: a participant in the network, or a partner (Science City Lyngby, Future by Lund).
    """
    chrome = request_chromes(request)[get_language()]
    network_url = chrome.first_url(NetworkPage)
    if network_url is None:
        return []
    districts = (
        District.objects.filter(locale_id=chrome.locale_id, live=True)
        .only("name", "slug", "short_description", "city", "country", "role")
        .search(terms)[:MAX_RESULTS_PER_SOURCE]
    )
    return [
        SearchResult(
            district.name,
            f"{network_url}{district.slug}/",
            district.short_description or f"{district.city}, {district.country.name}",
            district.get_role_display(),
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


def search_topics(terms: str, request) -> list[SearchResult]:
    """The workshops' topics in the visitor's language that match by their words in any language, each leading
    to the workshops about it (the listing filtered to the topic).

    A topic no published workshop names yet is not a result of its own: the
    partnership page lists it, and is found by the same words (``blocks.py``).
    """
    chrome = request_chromes(request)[get_language()]
    workshops_url = chrome.first_url(WorkshopsPage)
    if workshops_url is None:
        return []
    discussed = cached_with_content(
        request,
        "discussed-topics",
        lambda: list(Topic.objects.filter(workshops__live=True).values_list("translation_key", flat=True).distinct()),
    )
    topics = (
        Topic.objects.filter(locale_id=chrome.locale_id, live=True, translation_key__in=discussed)
        .only("name", "slug", "question")
        .search(terms)[:MAX_RESULTS_PER_SOURCE]
    )
    return [
        SearchResult(topic.name, f"{workshops_url}?{urlencode({'topic': topic.slug})}", topic.question, str(_("Workshop topic")))
        for topic in topics
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
