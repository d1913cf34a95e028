"""What a search source returns, and the source every site has: its pages."""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from navigation.chrome import request_chromes

# Enough to fill ten pages of results from each source; more is never read.
MAX_RESULTS_PER_SOURCE = 100


@dataclass(frozen=True)
class SearchResult:
    """One hit as the results list shows it."""

    title: str
    url: str
    excerpt: str
    kind: str


def search_pages(terms: str, request) -> list[SearchResult]:
    """Live, public pages of the visitor's language that match, best first; aliases never (they show another language).

    The search index answers which pages match; the chrome, which lists exactly
    the live, public, non-alias pages, gives each one's title, address and summary.
    """
    chrome = request_chromes(request)[get_language()]
    if chrome.home is None:
        return []
    hits = Page.objects.filter(path__startswith=chrome.home.path).only("path", "title").search(terms)[:MAX_RESULTS_PER_SOURCE]
    return [
        SearchResult(page.title, link.url, link.summary, str(_("Page")))
        for page in hits
        if (link := chrome.pages.get(page.path)) is not None
    ]
