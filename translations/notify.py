"""Translators hear of each publication of a changed Danish page or data item: one e-mail per publish, per translator.

A publication counts when a segment a translation depends on differs from
the previous publication (a republish without changes, or a change of
coordinates only, says nothing). The e-mail names the changed segments,
old and new, and links to the status report; it goes out once the
publishing transaction commits, in each translator's admin language.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Locale, PageLogEntry
from wagtail.signals import page_published
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from editorial.roles import TRANSLATORS

from .changes import Change, compare
from .status import translatable_data_models


def translators(languages=None):
    """Active members of the Translators groups of ``languages`` (default: all) who have an e-mail address."""
    groups = [group for code, group in TRANSLATORS.items() if languages is None or code in languages]
    return (
        get_user_model().objects.filter(is_active=True, groups__name__in=groups)
        .exclude(email="").distinct().order_by("pk")
    )


def translated_languages(instance) -> list[str]:
    """The language codes of the enabled translations that follow the object, if it is in the default language."""
    if instance.locale_id != Locale.get_default().pk:
        return []
    source = TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id).first()
    if source is None:
        return []
    return list(source.translations.filter(enabled=True).values_list("target_locale__language_code", flat=True))


def is_translated_source(instance) -> bool:
    """Whether the object is in the default language and has a translation that follows it."""
    return bool(translated_languages(instance))


def admin_url(path: str) -> str:
    """An absolute admin address for e-mails."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def notify_translators(instance, changes: list[Change]) -> int:
    """E-mail the translators into each language the object is translated into; return how many were told."""
    recipients = list(translators(translated_languages(instance) or None))
    for user in recipients:
        language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {"title": str(instance), "changes": changes, "report_url": admin_url(reverse("translation_status"))}
            send_mail(
                _("Danish change to translate: %(title)s") % {"title": instance},
                render_to_string("translations/emails/danish_change.txt", context),
                None,
                [user.email],
            )
    return len(recipients)


def _notify_after_commit(instance, before, after) -> None:
    changes = compare(type(after), before, after)
    if changes:
        transaction.on_commit(lambda: notify_translators(instance, changes))


def page_was_published(sender, instance, revision=None, **kwargs) -> None:
    """After a Danish page with a translation is published: tell translators if its text changed."""
    if revision is None or instance.alias_of_id or not is_translated_source(instance):
        return
    previous = (
        PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish", revision__isnull=False)
        .exclude(revision_id=revision.pk)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    if previous is not None:
        _notify_after_commit(instance, previous.revision.as_object(), revision.as_object())


def remember_previous(sender, instance, raw=False, **kwargs) -> None:
    """Keep the stored version of a data item about to be saved, to compare after the save."""
    if not raw and instance.pk and instance.locale_id == Locale.get_default().pk:
        instance._translations_previous = sender.objects.filter(pk=instance.pk).first()


def item_was_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    """After a Danish data item with a translation is saved as published: tell translators if its text changed."""
    previous = instance.__dict__.pop("_translations_previous", None)
    if raw or created or previous is None or (isinstance(instance, DraftStateMixin) and not instance.live):
        return
    if is_translated_source(instance):
        _notify_after_commit(instance, previous, instance)


def connect() -> None:
    """Connect the handlers; called from the app's ready()."""
    page_published.connect(page_was_published, dispatch_uid="translations-page-published")
    for model in translatable_data_models():
        pre_save.connect(remember_previous, sender=model, dispatch_uid=f"translations-before-{model._meta.label_lower}")
        post_save.connect(item_was_saved, sender=model, dispatch_uid=f"translations-saved-{model._meta.label_lower}")
