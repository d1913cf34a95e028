"""The workshops page's listing: filters from the query string, reading order, sections and pages."""

from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import Page, Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from districts.models import District
from sciencecity.querysets import localized
from workshops.models import Topic, Workshop, reading_order

PER_PAGE = 10


@dataclass(frozen=True)
class WorkshopFilters:
    """The visitor's choice of topic and district (by slug), with the choices and any unknown value."""

    topic: str = ""
    district: str = ""
    topic_choices: tuple[tuple[str, str], ...] = ()
    district_choices: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()
    topic_key: object = None
    district_key: object = None
    topics_by_key: dict = field(default_factory=dict)

    @classmethod
    def from_query(cls, query, choices=None) -> "WorkshopFilters":
        """Read ``topic`` and ``district``; an unknown value is kept, and explained, not dropped.

        ``choices`` are ``filter_choices()``, where the caller has them already. Only topics and
        districts that a published workshop names are offered, so every choice has results.
        """
        topic = query.get("topic", "").strip()[:120]
        district = query.get("district", "").strip()[:120]
        topics, districts, discussed = choices or filter_choices()
        topic_key = next((t.translation_key for t in topics if t.slug == topic), None)
        district_key = next((d.translation_key for d in districts if d.slug == district), None)
        problems = []
        if topic and topic_key is None:
            problems.append(_("We do not know the topic “%(value)s”.") % {"value": topic})
        if district and district_key is None:
            problems.append(_("We do not know the district “%(value)s”.") % {"value": district})
        return cls(
            topic=topic,
            district=district,
            topic_choices=tuple(
                (t.slug, t.name) for t in sorted(topics, key=lambda t: t.sort_order) if t.translation_key in discussed
            ),
            district_choices=tuple((d.slug, d.name) for d in districts),
            problems=tuple(problems),
            topic_key=topic_key,
            district_key=district_key,
            topics_by_key={t.translation_key: t for t in topics},
        )

    @property
    def active(self) -> bool:
        """Whether the visitor chose anything."""
        return bool(self.topic or self.district)

    @property
    def form_fields(self) -> list[dict]:
        """The selects of the filter form: each left out while it has nothing to offer (no workshop names a district)."""
        fields = [
            {"id": "filter-topic", "name": "topic", "label": _("Topic"), "all": _("All topics"),
             "choices": self.topic_choices, "selected": self.topic},
            {"id": "filter-district", "name": "district", "label": _("District"), "all": _("All districts"),
             "choices": self.district_choices, "selected": self.district},
        ]
        return [field for field in fields if field["choices"]]

    def apply(self, workshops):
        """Narrow a workshop queryset to the choice; an unknown value matches nothing."""
        if self.topic:
            workshops = workshops.with_topic(self.topic_key) if self.topic_key else workshops.none()
        if self.district:
            workshops = workshops.with_district(self.district_key) if self.district_key else workshops.none()
        return workshops


def filter_choices() -> tuple[list[Topic], list[District], set]:
    """Every topic, the districts that took part in a published workshop, and the keys of the topics one discussed.

    Workshops point at the source-language topics and districts, so these are
    found by translation key and then read in the visitor's language.
    """
    discussed = set(Topic.objects.filter(workshops__live=True).values_list("translation_key", flat=True))
    taking_part = District.objects.filter(workshops__live=True).values("translation_key")
    return Topic.objects.in_language(), District.objects.filter(translation_key__in=taking_part).in_language(), discussed


@dataclass
class Section:
    """A heading in the listing (upcoming, a past year, undated) and its workshops on this page."""

    kind: str
    year: int | None
    items: list = field(default_factory=list)


def listing(filters: WorkshopFilters, page_number, now=None) -> tuple[Page, list[Section]]:
    """The page of workshops to show, in reading order, grouped into sections, with topics in the visitor's language."""
    now = now or timezone.now()
    workshops = reading_order(filters.apply(Workshop.objects.prefetch_related("topics")).in_language(), now)
    page = Paginator(workshops, PER_PAGE).get_page(page_number)
    for workshop in page.object_list:
        # The topics point at Danish rows; the filters already hold every topic in the visitor's language.
        # (A topic missing there is not published: it is not shown.)
        workshop.shown_topics = sorted(
            (filters.topics_by_key[t.translation_key] for t in workshop.topics.all() if t.translation_key in filters.topics_by_key),
            key=lambda topic: topic.sort_order,
        )

    def section_of(workshop):
        if not workshop.is_dated:
            return ("undated", None)
        if workshop.is_upcoming(now):
            return ("upcoming", None)
        return ("past", timezone.localtime(workshop.starts_at).year)

    sections = [Section(kind, year, list(items)) for (kind, year), items in groupby(page.object_list, key=section_of)]
    return page, sections


def attach_localized_relations(workshops: list[Workshop]) -> None:  # for a workshop's own page
    """Give each workshop ``shown_topics`` and ``shown_districts`` in the visitor's language, in two queries in all.

    Topics and districts that are not published are left out.
    """
    topics = {t.pk: t for w in workshops for t in w.topics.all()}
    districts = {d.pk: d for w in workshops for d in w.districts.all()}
    topic_versions = {t.translation_key: t for t in localized(topics.values())}
    district_versions = {d.translation_key: d for d in localized(districts.values())}
    for workshop in workshops:
        workshop.shown_topics = sorted(
            (topic_versions[t.translation_key] for t in workshop.topics.all() if t.translation_key in topic_versions),
            key=lambda topic: topic.sort_order,
        )
        workshop.shown_districts = sorted(
            (district_versions[d.translation_key] for d in workshop.districts.all() if d.translation_key in district_versions),
            key=lambda district: district.name,
        )
