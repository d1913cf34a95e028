"""Search in the visitor's language, over pages (and the data pages show, as their apps add sources)."""

import re
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from .models import Alternate

MAX_QUERY_LENGTH = 200
MAX_RESULTS_PER_SOURCE = 100
RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class SearchResult:
    """One hit as the results list shows it."""

    title: str
    url: str
    excerpt: str
    kind: str


def clean_query(raw: str) -> tuple[str, bool]:
    """The query made safe to search for, and whether it had to be shortened.

    Control characters and the replacement characters that undecodable bytes
    become are dropped; whitespace is collapsed; the length is capped.
    """
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} else char
        for char in raw
        if char != "\ufffd"
    )
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


def search_terms(query: str) -> str:
    """The words of a query, without punctuation that full-text engines read as syntax.

    SQLite's FTS5 fails outright on an unbalanced quote, for example; visitors
    type words, so words are what is searched for.
    """
    return " ".join(re.findall(r"\w+", query))


def search_pages(query: str, locale: Locale) -> list[SearchResult]:
    """Live, public pages of one language that match, best first; aliases never (they show another language)."""
    hits = [page.pk for page in Page.objects.live().public().filter(locale=locale, depth__gt=1).search(query)[:MAX_RESULTS_PER_SOURCE]]
    # Page's search index has no filter on alias_of, so aliases are dropped here.
    pages = Page.objects.filter(pk__in=hits, alias_of__isnull=True).specific().in_bulk()
    return [
        SearchResult(page.title, page.url, getattr(page, "search_description", "") or getattr(page, "introduction", ""), str(_("Page")))
        for pk in hits
        if (page := pages.get(pk)) is not None
    ]


def search_districts(query: str, locale: Locale) -> list[SearchResult]:
    """Districts in the visitor's language that match, each linked to its page below the network page."""
    from districts.models import District
    from partnerships.models import NetworkPage

    network_page = first_public(NetworkPage, locale)
    if network_page is None:
        return []
    districts = District.objects.filter(locale=locale, live=True).search(query)[:MAX_RESULTS_PER_SOURCE]
    return [
        SearchResult(
            district.name,
            network_page.district_url(district),
            district.short_description or f"{district.city}, {district.country.name}",
            str(_("Innovation district")),
        )
        for district in districts
    ]


def search_workshops(query: str, locale: Locale) -> list[SearchResult]:
    """Workshops in the visitor's language that match, each linked to its page below the workshops page."""
    from partnerships.models import WorkshopsPage
    from workshops.models import Workshop

    workshops_page = first_public(WorkshopsPage, locale)
    if workshops_page is None:
        return []
    workshops = Workshop.objects.filter(locale=locale, live=True).search(query)[:MAX_RESULTS_PER_SOURCE]
    return [
        SearchResult(workshop.title, workshops_page.workshop_url(workshop), workshop.summary, str(_("Workshop or peer session")))
        for workshop in workshops
    ]


def first_public(model, locale: Locale):
    """The first live, public page of ``model`` in ``locale``, where a source's results live."""
    return model.objects.live().public().filter(locale=locale).first()


# Each source turns a query and a locale into results, best first.
SEARCH_SOURCES = [search_pages, search_districts, search_workshops]


@require_safe
def search(request):
    """The search page: a GET form, results in the visitor's language only, paginated."""
    query, shortened = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    results = []
    terms = search_terms(query)
    if terms:
        for source in SEARCH_SOURCES:
            results.extend(source(terms, locale))
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "sciencecity/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_query_length": MAX_QUERY_LENGTH,
            "results": page_of_results,
            "result_count": paginator.count,
            "alternates": search_alternates(query),
            "canonical_path": request.path,
        },
    )


def search_alternates(query: str) -> list[Alternate]:
    """The same search in each site language, for the language switcher and hreflang."""
    from django.conf import settings
    from django.utils.http import urlencode

    suffix = f"?{urlencode({'q': query})}" if query else ""
    alternates = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            alternates.append(Alternate(code, reverse("search") + suffix))
    return alternates
