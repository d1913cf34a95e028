from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    """What every page shows around its content (menu, breadcrumbs, footer, language links), and finding pages by address."""

    name = "navigation"
    verbose_name = _("Navigation")

    def ready(self):
        from sciencecity import registry

        from sciencecity.models import FooterText

        from .previews import footer_on_home_page

        registry.register_preview(FooterText, "", _("Home page"), footer_on_home_page)
