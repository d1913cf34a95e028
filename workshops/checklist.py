"""The launch checklist's items from the workshops: graphic recordings still waiting for their drawing, and sessions without a date."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from editorial.checklist import Item

from .models import Workshop


def drawing_field(workshop: Workshop) -> str:
    """The fragment of the form's first drawing still to add (the form shows the latest draft), or ""."""
    recordings = list(workshop.get_latest_revision_as_object().recordings.all())
    index = next((i for i, recording in enumerate(recordings) if recording.image_id is None), None)
    return "" if index is None else f"#id_recordings-{index}-image-chooser"


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
            reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk]) + drawing_field(workshop),
            _("Add the drawing"),
        )
        for workshop in workshops
        # Only those who may change the Danish workshop (a translator may not) can replace its drawing.
        if policy.user_has_permission_for_instance(user, "change", workshop)
    ]


def sessions_without_date(user) -> list[Item]:
    """One item per Danish workshop without a date: the site shows it as an undated past session till one is given."""
    policy = policy_registry.get_by_type(Workshop)
    workshops = Workshop.objects.filter(locale=Locale.get_default(), starts_at__isnull=True).order_by("title")
    return [
        Item(
            _("“%(title)s” has no date, so the site lists it as an earlier session without one: add the date "
              "if the organisation has it.") % {"title": workshop.title},
            reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk]) + "#id_starts_at",
            _("Add the date"),
        )
        for workshop in workshops
        if policy.user_has_permission_for_instance(user, "change", workshop)
    ]
