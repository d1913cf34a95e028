"""Translate and sync only the approved, published version of a source object, never a draft.

Upstream gap (wagtail-localize 1.14.5; issues wagtail/wagtail-localize#553 and #823, PR #884):
``TranslationSource.get_or_create_from_instance``, ``update_or_create_from_instance`` and
``update_from_db`` read the source from the object's database row, and the submit and update views
check only the ``submit_translation`` permission. For a page that was never published, the row is its
first draft; so anyone who may translate could submit an editor's draft waiting for approval and then
publish it in another language with "Sync" (``publish_translations=on``), or re-publish the translation
of a page that was unpublished. Here a source is only ever made from the published version (the live
revision; the row for models without drafts), an unpublished object is refused with a message, and
converting a translation into an alias of its source needs the right to edit the source, since the
alias then shows the source's content and the translation is deleted. Delete this module (and its
call in ``translations.apps``) once upstream translates published content only.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page, Revision
from wagtail_localize.models import TranslationSource, get_schema_version
from wagtail_localize.views import convert, submit_translations, update_translations


class UnpublishedSourceError(PermissionDenied):
    """The object has no published version, so there is nothing approved to translate."""

    def __init__(self, instance):
        super().__init__(str(instance))
        self.instance = instance


def published_version(instance):
    """The published version of a translatable object; raises ``UnpublishedSourceError`` if there is none.

    Read from the database, not from the instance given: callers often hold
    an instance that was changed in memory or published since it was loaded.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    if not isinstance(instance, DraftStateMixin):
        return instance  # every save of a model without drafts is its publication
    stored = type(instance)._default_manager.filter(pk=instance.pk).values("live", "live_revision_id").first()
    if stored is None or not stored["live"]:
        raise UnpublishedSourceError(instance)
    if stored["live_revision_id"]:
        # The row of a live object holds its published content too, but the live
        # revision is that by definition (and stays right if a draft ever writes the row).
        published = Revision.objects.get(pk=stored["live_revision_id"]).as_object()
        return published.specific if isinstance(published, Page) else published
    return type(instance)._default_manager.get(pk=instance.pk)


_get_or_create = TranslationSource.get_or_create_from_instance.__func__
_update_or_create = TranslationSource.update_or_create_from_instance.__func__


def get_or_create_from_instance(cls, instance):
    """Upstream's, from the published version."""
    return _get_or_create(cls, published_version(instance))


def update_or_create_from_instance(cls, instance):
    """Upstream's, from the published version."""
    return _update_or_create(cls, published_version(instance))


@transaction.atomic
def update_from_db(self):
    """Upstream's ``update_from_db``, reading the published version instead of the row."""
    instance = published_version(self.get_source_instance())
    if isinstance(instance, ClusterableModel):
        self.content_json = instance.to_json()
    else:
        self.content_json = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    self.schema_version = get_schema_version(instance._meta.app_label)
    self.object_repr = str(instance)[:200]
    self.last_updated_at = timezone.now()
    self.save(update_fields=["content_json", "schema_version", "object_repr", "last_updated_at"])
    self.refresh_segments()


def refusal(request, error: UnpublishedSourceError):
    """Back where the user came from, with a message saying why nothing was translated."""
    messages.error(
        request,
        _("“%(title)s” has not been published in its original language, so it cannot be translated or synced yet. "
          "Only approved, published content is translated.") % {"title": error.instance},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def guard_dispatch(view_class):
    """Check the object before the view does anything, and answer a refusal with a message, not an error page."""
    original_dispatch = view_class.dispatch
    original_get_object = view_class.get_object

    def get_object(self, *args, **kwargs):
        obj = original_get_object(self, *args, **kwargs)
        published_version(obj.get_source_instance() if isinstance(obj, TranslationSource) else obj)
        return obj

    def dispatch(self, request, *args, **kwargs):
        try:
            return original_dispatch(self, request, *args, **kwargs)
        except UnpublishedSourceError as error:
            return refusal(request, error)

    view_class.get_object = get_object
    view_class.dispatch = dispatch


_convert_to_alias = convert.convert_to_alias


def convert_to_alias(request, page_id):
    """Upstream's view, for users who may also edit the source page the alias would show."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, translations__target_locale=page.locale_id
    ).first()
    source_page = Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id).first() if source else None
    if source_page is not None and not source_page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return _convert_to_alias(request, page_id)


def apply() -> None:
    """Patch wagtail-localize once, at start-up (before the admin's URLs are built)."""
    TranslationSource.get_or_create_from_instance = classmethod(get_or_create_from_instance)
    TranslationSource.update_or_create_from_instance = classmethod(update_or_create_from_instance)
    TranslationSource.update_from_db = update_from_db
    for view_class in (
        submit_translations.SubmitPageTranslationView,
        submit_translations.SubmitSnippetTranslationView,
        update_translations.UpdateTranslationsView,
    ):
        guard_dispatch(view_class)
    convert.convert_to_alias = convert_to_alias
