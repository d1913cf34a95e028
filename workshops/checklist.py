"""The launch checklist's item from the workshops: graphic recordings that are still the loader's placeholders."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from sciencecity.checklist import Item

from .models import Workshop

# The loader titles every placeholder it draws so (``content.placeholder_image``).
PLACEHOLDER_TITLE = "Pladsholder"


def placeholder_recordings(user) -> list[Item]:
    """One item per workshop whose graphic recording is a placeholder, linking to the workshop's form."""
    policy = policy_registry.get_by_type(Workshop)
    workshops = (
        Workshop.objects.filter(locale=Locale.get_default(), recordings__image__title__istartswith=PLACEHOLDER_TITLE)
        .distinct()
        .order_by("title")
    )
    return [
        Item(
            _("The graphic recording of “%(title)s” is a placeholder: the real drawing and its description are missing.")
            % {"title": workshop.title},
            reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk]),
            _("Replace the drawing"),
        )
        for workshop in workshops
        # Only those who may change the Danish workshop (a translator may not) can replace its drawing.
        if policy.user_has_permission_for_instance(user, "change", workshop)
    ]
