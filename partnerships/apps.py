from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sciencecity.registry import register_checklist, register_preview


class PartnershipsConfig(AppConfig):
    """Page types that tell the partnership story: home, partnership, network and collaboration pages."""

    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from districts.models import District
        from workshops.models import Workshop

        from . import checklist, previews

        register_preview(District, "", _("District page"), previews.district_page)
        register_preview(District, "map", _("On the network's map"), previews.district_on_map)
        register_preview(Workshop, "", _("Workshop page"), previews.workshop_page)
        register_checklist(checklist.missing_partner_articles)
