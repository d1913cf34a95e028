from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sciencecity.registry import (
    register_checklist,
    register_content,
    register_content_models,
    register_editorial_models,
    register_next_change,
)


class WorkshopsConfig(AppConfig):
    """The network's monthly workshops and peer sessions, kept as data that pages show."""

    name = "workshops"
    verbose_name = _("Workshops and peer sessions")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import published

        from . import checklist, content
        from .indexing import topic_saved, workshop_published
        from .models import GraphicRecording, ResourceLink, Topic, Workshop

        register_editorial_models(Workshop, Topic)
        register_content_models(GraphicRecording, ResourceLink)
        register_next_change(Workshop.objects.next_turn)
        # After the districts, which workshops name.
        register_content(content.load, order=11)
        register_checklist(checklist.recordings_without_drawing)
        register_checklist(checklist.sessions_without_date)
        post_save.connect(topic_saved, sender=Topic, dispatch_uid="workshops-topic-saved")
        published.connect(workshop_published, sender=Workshop, dispatch_uid="workshops-workshop-published")
