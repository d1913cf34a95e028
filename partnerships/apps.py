from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    """Page types that tell the partnership story: home, partnership, network and collaboration pages."""

    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from districts.models import District
        from sciencecity import registry
        from workshops.models import Topic, Workshop

        from . import checklist, content, previews
        from .search import reindex_after_commit, search_districts, search_topics, search_workshops

        registry.register_search_source(search_districts)
        registry.register_search_source(search_workshops)
        registry.register_search_source(search_topics)
        registry.register_change_listener(reindex_after_commit)
        # After the data the pages show.
        registry.register_content(content.load, order=20)
        registry.register_preview(District, "", _("District page"), previews.district_page)
        registry.register_preview(District, "map", _("On the network's map"), previews.district_on_map)
        registry.register_preview(Workshop, "", _("Workshop page"), previews.workshop_page)
        registry.register_preview(Topic, "", _("Workshops on the topic"), previews.topic_listing)
        registry.register_checklist(checklist.missing_partner_articles)
