from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    """Page types that tell the partnership story: home, partnership, network and collaboration pages."""

    name = "partnerships"
    verbose_name = _("Partnerships")
