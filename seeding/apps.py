from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedingConfig(AppConfig):
    """``load_site_content``: the site's seeded content, from every app that registers some."""

    name = "seeding"
    verbose_name = _("Seeded content")

    def ready(self):
        from sciencecity import registry

        from .checklist import legal_pages_not_reviewed
        from .site_content import load_foundations, load_furniture
        from .tools import sync_untranslated

        # Locales and collections before anything; the information pages and footer once the home page exists.
        registry.register_content(load_foundations, order=0)
        registry.register_content(load_furniture, order=30)
        # Once every loader has translated what the seed has text for: aliases for the rest, before the roles
        # grant translators their language's tree.
        registry.register_content(sync_untranslated, order=35)
        registry.register_checklist(legal_pages_not_reviewed)
