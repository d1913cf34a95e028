"""The editorial process of data that pages show: drafts, revisions, locking, scheduling, preview, approval.

Wagtail gives snippets the same process as pages through its mixins; this one
combines them for every model editors keep as data (districts, workshops,
topics, the footer text) and adds what the site needs on top:

- the Danish moderation workflow applies to the Danish (source) versions only,
  since Wagtail assigns a snippet workflow to the whole model, while
  translators publish Swedish data directly, as they do Swedish pages;
- a preview is drawn by the page that shows the object, which lives in another
  app, so it is looked up in ``registry.previews``.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from . import registry

# What saving a draft, locking or unlocking writes to a row: none of it changes what visitors see.
BOOKKEEPING_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by", "wagtail_admin_comments"}
)


class EditorialMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model):
    """Drafts, revisions, locking, scheduled publishing, preview and (in Danish) approval for translatable data."""

    # Wagtail's recommended relations, so deleting an object deletes its history and workflow states.
    _revisions = GenericRelation("wagtailcore.Revision")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", for_concrete_model=False
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        """The object's revisions (Wagtail reads them through this name)."""
        return self._revisions

    def get_workflow(self):
        """The model's workflow for the source language's versions; none for translations."""
        if self.locale_id != Locale.get_default().pk:
            return None
        return super().get_workflow()

    @property
    def preview_modes(self):
        """The ways the page that shows this object can draw it; none until an app registers one."""
        return [(name, label) for name, label, _draw in registry.previews.get(type(self), [])]

    def serve_preview(self, request, mode_name):
        """Draw the object as visitors would see it once published, by the page that shows it."""
        # The moderation preview marks the request with this object's revision; the page drawn around it
        # is another object, and Wagtail's user bar on that page would look the id up as a page revision.
        vars(request).pop("revision_id", None)
        for name, _label, draw in registry.previews.get(type(self), []):
            if name == mode_name:
                return draw(request, self)
        raise ImproperlyConfigured(f"No preview {mode_name!r} is registered for {type(self).__name__}.")
