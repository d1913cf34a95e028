from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """The network's monthly workshops and peer sessions, kept as data that pages show."""

    name = "workshops"
    verbose_name = _("Workshops and peer sessions")
