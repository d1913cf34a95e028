"""The search page: a GET form, results in the visitor's language only, paginated."""

import re
import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from sciencecity import registry
from sciencecity.models import Alternate

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


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


@require_safe
def search(request):
    """Every registered source's results for the query, in the visitor's language, ten to a page."""
    query, shortened = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = [result for source in registry.search_sources for result in source(terms, request)] if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_query_length": MAX_QUERY_LENGTH,
            "results": paginator.get_page(request.GET.get("page")),
            "result_count": paginator.count,
            "alternates": search_alternates(query),
            "canonical_path": request.path,
        },
    )


def search_alternates(query: str) -> list[Alternate]:
    """The same search in each site language, for the language switcher and hreflang."""
    suffix = f"?{urlencode({'q': query})}" if query else ""
    alternates = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            alternates.append(Alternate(code, reverse("search") + suffix))
    return alternates
