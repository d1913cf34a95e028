"""Page types that tell Science City Lyngby's partnership story."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import cached_property
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from districts.models import District, by_role
from workshops.calendar import build_calendar
from workshops.models import Workshop, reading_order
from navigation.chrome import Link, cached_with_content, page_alternates, request_chromes
from sciencecity.blocks import ContentStreamBlock
from sciencecity.fields import StreamField
from sciencecity.models import BasePage
from sciencecity.visibility import visible

from . import structured_data
from .blocks import PartnershipStreamBlock
from .collaboration import CollaborationPage  # noqa: F401 - a page type of this app, kept in its own module
from .directory import DirectoryFilters, district_map, network_map
from .workshop_listing import WorkshopFilters, attach_localized_relations, filter_choices, listing


@dataclass(frozen=True)
class FeaturedPage:
    """A page as the home page's cards show it."""

    title: str
    url: str
    introduction: str


class HomePage(BasePage):
    """The front page of each language's site; it introduces and features the partnerships."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["partnerships.PartnershipPage", "partnerships.CollaborationPage", "sciencecity.InformationPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """Add the pages the home page features, and the map of the network, linked to its directory."""
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = cached_with_content(request, f"featured:{self.pk}", lambda: self.featured_pages(request))
        context.update(network_overview(request))
        return context

    def featured_pages(self, request=None) -> list[FeaturedPage]:
        """The partnerships, networks and collaborations below this home page, in tree order."""
        pages = (
            visible(Page.objects.descendant_of(self))
            .type(PartnershipPage, NetworkPage, CollaborationPage)
            .filter(alias_of__isnull=True)
            .order_by("path")
            .specific()
        )
        return [FeaturedPage(page.title, page.get_url(request), page.introduction) for page in pages]


def network_overview(request) -> dict:
    """The network's page, its participants and partners with their addresses, and its map; empty without the page."""
    chrome = request_chromes(request)[get_language()]
    network_url = chrome.first_url(NetworkPage)
    if not network_url:
        return {}
    members, partners = cached_with_content(
        request,
        "members",
        lambda: (list(District.objects.members().in_language()), by_role(District.objects.partners().in_language())),
    )
    members = [(district, f"{network_url}{district.slug}/") for district in members]
    partners = [(partner, f"{network_url}{partner.slug}/") for partner in partners]
    return {
        "network": next(link for link in chrome.pages.values() if link.url == network_url),
        "network_members": members,
        "network_partners": partners,
        "network_map": network_map(members, DirectoryFilters(), network_url, partners),
    }


class PartnershipPage(BasePage):
    """The story of one partnership, such as the one with the Global Institute for Innovation Districts."""

    body = StreamField(PartnershipStreamBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = ["partnerships.NetworkPage", "partnerships.WorkshopsPage"]

    class Meta:
        verbose_name = _("partnership page")
        verbose_name_plural = _("partnership pages")

    def get_context(self, request, *args, **kwargs):
        """Add what stands beside the story: the network's map, and the section's own pages."""
        context = super().get_context(request, *args, **kwargs)
        context.update(network_overview(request))
        chrome = request_chromes(request)[get_language()]
        context["section_pages"] = [
            link for link in chrome.pages.values()
            if link.path.startswith(self.path) and len(link.path) == len(self.path) + self.steplen
        ]
        return context

    @cached_property
    def network_page(self):
        """The live network page below this partnership, which its blocks link to."""
        return NetworkPage.objects.child_of(self).live().first()

    @cached_property
    def workshops_page(self):
        """The live workshops page below this partnership, which its blocks link to."""
        return WorkshopsPage.objects.child_of(self).live().first()


class NetworkPage(RoutablePageMixin, BasePage):
    """A network of innovation districts, such as GIID's: a directory of its members, and a page for each."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    directory_heading = models.CharField(_("directory heading"), max_length=120, default="")
    directory_introduction = models.TextField(_("directory introduction"), blank=True)

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("directory_heading"),
        TranslatableField("directory_introduction"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("directory_heading"), FieldPanel("directory_introduction")],
            heading=_("Directory of participants"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.SearchField("directory_introduction")]

    parent_page_types = ["partnerships.PartnershipPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    @cached_property
    def workshops_page(self):
        """The live workshops page beside this one in the same partnership, which district pages link to."""
        return WorkshopsPage.objects.sibling_of(self).live().first()

    @path("")
    def directory(self, request):
        """The directory: the network's members, filtered by country and continent from the query string; partners apart."""
        districts, partners = cached_with_content(
            request,
            f"directory:{self.pk}",
            lambda: (list(District.objects.members().in_language()), by_role(District.objects.partners().in_language())),
        )
        return self.render_directory(request, districts, partners)

    def render_directory(self, request, districts: list[District], partners: list[District] = ()):
        """The directory of these districts (the published ones, or with a draft in a preview)."""
        filters = DirectoryFilters.from_query(request.GET, districts)
        shown = [(district, self.district_url(district)) for district in districts if filters.matches(district)]
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "districts": shown,
                "network_map": network_map(shown, filters, self.url, [(p, self.district_url(p)) for p in partners]),
                "district_count": len(districts),
                "partners": [(partner, self.district_url(partner)) for partner in partners],
            },
        )

    @path("<slug:slug>/", name="district")
    def district(self, request, slug):
        """One district's page, in the visitor's language (its Danish text where no translation exists)."""

        def build():
            districts = District.objects.in_language()
            district = next((district for district in districts if district.slug == slug), None)
            if district is None:
                return None, [], []
            workshops_page = self.workshops_page
            workshops = reading_order(Workshop.objects.with_district(district.translation_key).in_language())
            workshops = [(w, workshops_page.workshop_url(w) if workshops_page else None) for w in workshops]
            return district, workshops, district.nearest(districts)

        district, workshops, neighbours = cached_with_content(request, f"district:{self.pk}:{slug}", build)
        if district is None:
            raise Http404
        return self.render_district(request, district, workshops, neighbours)

    def render_district(self, request, district: District, workshops: list, neighbours: list[District] = ()):
        """One district's page: ``workshops`` are (workshop, address) pairs, ``neighbours`` the nearest districts."""
        url = self.district_url(district)
        return self.render(
            request,
            template="partnerships/district_page.html",
            context_overrides={
                "district": district,
                "workshops": workshops,
                "district_map": district_map(district, self.url),
                "neighbours": [(neighbour, self.district_url(neighbour)) for neighbour in neighbours],
                "alternates": page_alternates(request, self, route=f"{district.slug}/"),
                "extra_breadcrumbs": [Link(district.name, url, "")],
                "canonical_path": url,
                "og_title": district.name,
                "meta_description": district.short_description
                or f"{district.name}, {district.city}, {district.country.name}",
                "structured_data": structured_data.district(district, request.build_absolute_uri(url)),
            },
        )

    def district_url(self, district: District) -> str:
        """The address of a district's page below this page."""
        return f"{self.url}{district.slug}/"

    def sitemap_routes(self) -> list[str]:
        """The directory and every district's page."""
        return ["", *(f"{district.slug}/" for district in District.objects.in_language(self.locale.language_code))]


class WorkshopsPage(RoutablePageMixin, BasePage):
    """The network's workshops and peer sessions: a listing, a page and a calendar file for each, and a feed."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.PartnershipPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("workshops page")
        verbose_name_plural = _("workshops pages")

    @cached_property
    def network_page(self):
        """The live network page beside this one in the same partnership, which workshop pages link to."""
        return NetworkPage.objects.sibling_of(self).live().first()

    @path("")
    def workshops(self, request):
        """Upcoming workshops first, then past ones by year, then undated ones; filtered by topic and district."""
        filters = WorkshopFilters.from_query(request.GET, cached_with_content(request, "workshop-filters", filter_choices))
        return self.render_listing(request, filters)

    def render_listing(self, request, filters: WorkshopFilters):
        """The listing as the filters choose it, on the page the request asks for."""
        page_of_workshops, sections = listing(filters, request.GET.get("page"))
        return self.render(
            request,
            context_overrides={"filters": filters, "workshops": page_of_workshops, "sections": sections},
        )

    @path("calendar/", name="calendar_feed")
    def calendar_feed(self, request):
        """Every dated workshop, as a feed calendar programs can subscribe to."""
        return self.calendar_response(request, Workshop.objects.in_language(), "workshops.ics")

    @path("<slug:slug>/", name="workshop")
    def workshop(self, request, slug):
        """One workshop's page."""

        def build():
            workshop = self.get_workshop(slug, prefetch=True)
            attach_localized_relations([workshop])
            return workshop, self.network_page.url if self.network_page else None

        workshop, network_url = cached_with_content(request, f"workshop:{self.pk}:{slug}", build)
        return self.render_workshop(request, workshop, network_url)

    def render_workshop(self, request, workshop: Workshop, network_url: str | None):
        """One workshop's page; ``attach_localized_relations`` has given it its topics and districts."""
        url = self.workshop_url(workshop)
        return self.render(
            request,
            template="partnerships/workshop_page.html",
            context_overrides={
                "workshop": workshop,
                "alternates": page_alternates(request, self, route=f"{workshop.slug}/"),
                "extra_breadcrumbs": [Link(workshop.title, url, "")],
                "canonical_path": url,
                "og_title": workshop.title,
                "meta_description": workshop.summary,
                "network_url": network_url,
                "structured_data": structured_data.event(workshop, request.build_absolute_uri(url))
                if workshop.is_dated
                else None,
            },
        )

    @path("<slug:slug>/calendar/", name="workshop_calendar")
    def workshop_calendar(self, request, slug):
        """One dated workshop as an .ics file to add to a calendar."""
        workshop = self.get_workshop(slug)
        if not workshop.is_dated:
            raise Http404
        return self.calendar_response(request, [workshop], f"{workshop.slug}.ics")

    def calendar_response(self, request, workshops, filename: str) -> HttpResponse:
        """An iCalendar response that calendar programs open or subscribe to."""
        body = build_calendar(
            workshops,
            lambda workshop: request.build_absolute_uri(self.workshop_url(workshop)),
            name=f"{self.title} – Science City Lyngby",
            language=self.locale.language_code,
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

    def get_workshop(self, slug: str, prefetch: bool = False) -> Workshop:
        """The workshop with this slug in the visitor's language (its Danish version standing in), or 404."""
        workshops = Workshop.objects.filter(slug=slug)
        if prefetch:
            # Not the renditions: the workshop is kept until content changes, and a list of renditions
            # taken before they were made would have Wagtail make them again on every view.
            workshops = workshops.prefetch_related("topics", "districts", "recordings__image", "links")
        found = workshops.in_language()
        if not found:
            raise Http404
        return found[0]

    def workshop_url(self, workshop: Workshop) -> str:
        """The address of a workshop's page below this page."""
        return f"{self.url}{workshop.slug}/"

    def sitemap_routes(self) -> list[str]:
        """The listing and every workshop's page."""
        return ["", *(f"{workshop.slug}/" for workshop in Workshop.objects.in_language(self.locale.language_code))]

    def feed_routes(self) -> list[str]:
        """The calendar files: the feed, and one per dated workshop (Wagtail's routes allow no dot, so no ".ics")."""
        dated = [w for w in Workshop.objects.in_language(self.locale.language_code) if w.is_dated]
        return ["calendar/", *(f"{workshop.slug}/calendar/" for workshop in dated)]
