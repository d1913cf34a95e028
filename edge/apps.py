from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EdgeConfig(AppConfig):
    """The cache in front of the site (nginx or a CDN): what it may keep, and purging it after every change."""

    name = "edge"
    verbose_name = _("Edge cache")

    def ready(self):
        from sciencecity import registry

        from . import queue
        from .purge import purge_after_commit

        registry.register_change_listener(purge_after_commit)
        registry.register_health_check("purge_queue", queue.health)
