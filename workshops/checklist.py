"""The launch checklist's item from the workshops: graphic recordings still waiting for their drawing."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from editorial.checklist import Item

from .models import Workshop

def recordings_without_drawing(user) -> list[Item]:
    """One item per Danish workshop with a graphic recording that has no drawing yet, linking to the workshop's form."""
    policy = policy_registry.get_by_type(Workshop)
    workshops = (
        Workshop.objects.filter(locale=Locale.get_default(), recordings__image__isnull=True, recordings__isnull=False)
        .distinct()
        .order_by("title")
    )
    return [
        Item(
            _("The graphic recording of “%(title)s” has no drawing yet: the drawing and its description must come from the organisation.")
            % {"title": workshop.title},
            reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk]),
            _("Add the drawing"),
        )
        for workshop in workshops
        # Only those who may change the Danish workshop (a translator may not) can replace its drawing.
        if policy.user_has_permission_for_instance(user, "change", workshop)
    ]
