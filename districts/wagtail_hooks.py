"""The districts in the Wagtail admin: a snippet with search, filters, an inspect view and CSV/XLSX export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet

from sciencecity.data_admin import DataViewSet, language_column

from .importing import EXPORT_COLUMNS
from .models import Continent, District, Role


class DistrictFilterSet(WagtailFilterSet):
    """Filter districts by country, part of the world, role and language."""

    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries)
    continent = django_filters.ChoiceFilter(label=_("Continent"), choices=Continent.choices)
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)

    class Meta:
        model = District
        fields = ["country", "continent", "role"]


class DistrictViewSet(DataViewSet):
    """Innovation districts as editors maintain them."""

    model = District
    icon = "site"
    menu_label = _("Innovation districts")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", language_column(), "city", "country", "continent", "role"]
    list_per_page = 50
    filterset_class = DistrictFilterSet
    search_fields = ["name", "city", "short_description"]
    # Plain database look-ups: a few hundred rows need no full-text index, and
    # modelsearch's SQLite backend cannot restrict a search to these fields.
    search_backend_name = None
    inspect_view_enabled = True
    # Exactly the columns ``import_districts`` reads: an export can be edited and imported again.
    list_export = EXPORT_COLUMNS
    export_headings = {column: column for column in EXPORT_COLUMNS}
    export_filename = "innovation-districts"


register_snippet(DistrictViewSet)
