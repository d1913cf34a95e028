from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    """Page types that tell the partnership story: home, partnership, network and collaboration pages."""

    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from sciencecity import registry

        from . import content
        from .search import reindex_after_commit, search_districts, search_workshops

        registry.register_search_source(search_districts)
        registry.register_search_source(search_workshops)
        registry.register_change_listener(reindex_after_commit)
        # After the data the pages show.
        registry.register_content(content.load, order=20)
