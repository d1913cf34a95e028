"""Translators hear of each publication of a changed page or data item in the source language: one e-mail per publish, per translator.

Only a publication counts (Wagtail's ``page_published`` and ``published``
signals, sent for an approval, a publish and a scheduled go-live alike), never
a draft or a submission for approval. It counts when a segment a translation
depends on differs between the published revision and the previously
published one (a republish without changes, or a change of coordinates only,
says nothing). The e-mail names the changed segments, old and new, and links
to the status report; it goes out once the publishing transaction commits,
in each translator's language, and a failure to send is logged, never shown
to the person who published (``editorial/mail.py``).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale
from wagtail.signals import page_published, published
from wagtail_localize.models import TranslationSource

from editorial.mail import recipient_language, send_to, site_url
from editorial.roles import TRANSLATORS, translation_languages
from sciencecity.languages import language_name, source_language

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


def notify_translators(instance, changes: list[Change]) -> int:
    """E-mail the translators into each language the object is translated into; return how many were told."""
    languages = translated_languages(instance)
    recipients = list(translators(languages or None))
    report = reverse("translation_status")
    for user in recipients:
        theirs = translation_languages(user, languages or None)
        with translation.override(recipient_language(user)):
            context = {
                "title": str(instance),
                "changes": changes,
                "source": language_name(source_language()),
                "languages": get_text_list([str(language_name(code)) for code in theirs], _("and")),
                "report_url": site_url(f"{report}?{urlencode({'language': theirs[0]})}" if len(theirs) == 1 else report),
            }
            send_to(
                user,
                _("A change to translate: %(title)s") % {"title": instance},
                render_to_string("translations/emails/source_change.txt", context),
            )
    return len(recipients)


def previous_publication(instance, revision):
    """The revision published before ``revision``, from the object's history, or None."""
    entry = (
        log_registry.get_logs_for_instance(instance)
        .filter(action="wagtail.publish", revision__isnull=False)
        .exclude(revision_id=revision.pk)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    return entry.revision if entry is not None else None


def was_published(sender, instance, revision=None, **kwargs) -> None:
    """After a source-language page or item with a translation is published: tell translators if its text changed."""
    if revision is None or getattr(instance, "alias_of_id", None) or not translated_languages(instance):
        return
    previous = previous_publication(instance, revision)
    if previous is None:
        return
    changes = compare(type(instance), previous.as_object(), revision.as_object())
    if changes:
        # Robust: a mail that cannot be sent must not turn the publisher's committed save into an error.
        transaction.on_commit(lambda: notify_translators(instance, changes), robust=True)


def connect() -> None:
    """Connect the handlers; called from the app's ready()."""
    page_published.connect(was_published, dispatch_uid="translations-page-published")
    for model in translatable_data_models():
        published.connect(was_published, sender=model, dispatch_uid=f"translations-published-{model._meta.label_lower}")
