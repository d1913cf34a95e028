"""The district form's map: where the marker lands as the coordinates are typed, and a click that picks them.

The map is the site's own (``map.py``): no tiles or scripts from elsewhere.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from . import map as world_map


class CoordinatesMapPanel(Panel):
    """A preview map for the latitude and longitude fields of the same form."""

    def __init__(self, latitude="latitude", longitude="longitude", **kwargs):
        kwargs.setdefault("heading", _("Position on the map"))
        kwargs.setdefault(
            "help_text",
            _("The marker follows the coordinates as you type them. Or click the map to fill them in, then adjust."),
        )
        super().__init__(**kwargs)
        self.latitude = latitude
        self.longitude = longitude

    def clone_kwargs(self):
        """As Wagtail's panels do, so the panel can be bound to each form."""
        return {**super().clone_kwargs(), "latitude": self.latitude, "longitude": self.longitude}

    class BoundPanel(Panel.BoundPanel):
        """The map for one form, with the marker where the form's coordinates put it."""

        template_name = "districts/admin/coordinates_map.html"

        class Media:
            js = ["districts/coordinates-map.js"]
            css = {"all": ["districts/coordinates-map.css"]}

        def get_context_data(self, parent_context=None):
            """The map, the fields' ids and the marker's starting place (none without valid coordinates)."""
            context = super().get_context_data(parent_context)
            latitude, longitude = self.form[self.panel.latitude], self.form[self.panel.longitude]
            try:
                position = world_map.project(float(latitude.value()), float(longitude.value()))
            except (TypeError, ValueError):
                position = None
            context.update(
                {
                    "viewbox": world_map.VIEWBOX,
                    "outline": world_map.world_outline_path(),
                    "latitude_id": latitude.id_for_label,
                    "longitude_id": longitude.id_for_label,
                    "position": (f"{position[0]:.1f}", f"{position[1]:.1f}") if position else None,
                }
            )
            return context
