from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site's search page: pages in the visitor's language, and whatever other apps register."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from sciencecity import registry

        from .sources import search_pages

        registry.register_search_source(search_pages)
