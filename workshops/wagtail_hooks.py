"""Workshops and their topics in the Wagtail admin: snippets with search and filters."""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from sciencecity.data_admin import DataViewSet, language_column

from .models import Kind, Topic, Workshop


def year_choices():
    """The years that dated workshops fall in, newest first."""
    years = (
        Workshop.objects.exclude(starts_at=None)
        .annotate(year=ExtractYear("starts_at"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(year, str(year)) for year in years]


class WorkshopFilterSet(WagtailFilterSet):
    """Filter workshops by kind, topic, year and whether they are still to come."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topics", queryset=Topic.objects.all(), method="filter_topic"
    )
    year = django_filters.ChoiceFilter(label=_("Year"), choices=year_choices, method="filter_year")
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Coming up")), ("past", _("Held")), ("undated", _("Without a date"))],
        method="filter_when",
    )

    class Meta:
        model = Workshop
        fields = ["kind"]

    def filter_topic(self, queryset, name, topic):
        """Any language version of the topic."""
        return queryset.filter(topics__translation_key=topic.translation_key).distinct()

    def filter_year(self, queryset, name, year):
        return queryset.filter(starts_at__year=year)

    def filter_when(self, queryset, name, when):
        if when == "undated":
            return queryset.filter(starts_at=None)
        return queryset.upcoming() if when == "upcoming" else queryset.past()


class WorkshopViewSet(DataViewSet):
    """Workshops and peer sessions as editors maintain them."""

    model = Workshop
    icon = "date"
    menu_label = _("Workshops and peer sessions")
    list_display = ["title", language_column(), "kind", "starts_at"]
    filterset_class = WorkshopFilterSet
    search_fields = ["title", "summary"]
    search_backend_name = None
    inspect_view_enabled = True


class TopicViewSet(DataViewSet):
    """The questions the workshops discuss."""

    model = Topic
    icon = "help"
    menu_label = _("Workshop topics")
    list_display = ["question", language_column(), "name", "sort_order"]
    search_fields = ["question", "name"]
    search_backend_name = None


class WorkshopsGroup(SnippetViewSetGroup):
    """Workshops and topics together in the admin menu."""

    items = (WorkshopViewSet, TopicViewSet)
    menu_icon = "date"
    menu_label = _("Workshops and peer sessions")
    menu_name = "workshops"
    menu_order = 220


register_snippet(WorkshopsGroup)
