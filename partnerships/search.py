"""Search sources for the data the partnership pages show: districts below the network page, workshops below the workshops page."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from districts.models import District
from navigation.chrome import request_chromes
from search.sources import MAX_RESULTS_PER_SOURCE, SearchResult
from workshops.models import Workshop

from .models import NetworkPage, WorkshopsPage


def search_districts(terms: str, request) -> list[SearchResult]:
    """Districts in the visitor's language that match, each linked to its page below the network page."""
    network_url = request_chromes(request)[get_language()].first_url(NetworkPage)
    if network_url is None:
        return []
    districts = District.objects.filter(locale=Locale.get_active(), live=True).search(terms)[:MAX_RESULTS_PER_SOURCE]
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
    workshops_url = request_chromes(request)[get_language()].first_url(WorkshopsPage)
    if workshops_url is None:
        return []
    workshops = Workshop.objects.filter(locale=Locale.get_active(), live=True).search(terms)[:MAX_RESULTS_PER_SOURCE]
    return [
        SearchResult(workshop.title, f"{workshops_url}{workshop.slug}/", workshop.summary, str(_("Workshop or peer session")))
        for workshop in workshops
    ]
