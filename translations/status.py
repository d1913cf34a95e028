"""How far each Danish page and translatable snippet has come in a target language: missing, out of date, up to date.

Every language of ``settings.LANGUAGES`` but the first is a target language; the report shows one at a time.

States:
- missing: no version in the target language (an alias showing the Danish text counts as missing);
- out of date: the published Danish version differs from what was last synced (``changes``, old and new
  text per segment), or segments are untranslated, or hold an earlier translation awaiting review
  (``reviews``);
- up to date: none of these.

"Translated" counts the segments of the published Danish version whose translation is current, so a row is
up to date exactly when it is 100 %.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Sum, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.db.models import Q
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from districts.models import District
from sciencecity.languages import target_languages
from sciencecity.models import FooterText
from sciencecity.upstream.localize_previous_translation import REVIEW_PREFIX
from workshops.models import Topic, Workshop

from .changes import Change, changes_awaiting_review, unsynced_changes


class State:
    """The three states, in the order a translator should look at them."""

    MISSING = "missing"
    OUT_OF_DATE = "out-of-date"
    UP_TO_DATE = "up-to-date"
    LABELS = {MISSING: _("Missing"), OUT_OF_DATE: _("Out of date"), UP_TO_DATE: _("Up to date")}
    ORDER = {MISSING: 0, OUT_OF_DATE: 1, UP_TO_DATE: 2}


@dataclass
class Status:
    """One Danish object and its state in one target language."""

    kind: str
    kind_label: str
    title: str
    source: object
    target: object | None
    translation: Translation | None
    state: str
    total: int
    translated: int
    changes: list[Change] = field(default_factory=list)
    reviews: list[Change] = field(default_factory=list)

    @property
    def percent(self) -> int:
        """The share of the source's segments that have a translation, in whole percent."""
        if not self.total:
            return 100 if self.target is not None else 0
        return round(100 * self.translated / self.total)

    @property
    def state_label(self) -> str:
        """The state in words."""
        return str(State.LABELS[self.state])

    @property
    def update_url(self) -> str:
        """The form that brings the published Danish version to the translation, when there is a change to bring."""
        if self.translation is None or not self.changes:
            return ""
        return reverse("wagtail_localize:update_translations", args=[self.translation.source_id])

    @property
    def action_url(self) -> str:
        """Where a translator goes next: the translation editor, or the form that starts a translation."""
        if self.target is not None:
            if isinstance(self.source, Page):
                return reverse("wagtailadmin_pages:edit", args=[self.target.pk])
            if self.translation is not None:
                app, model = self.source._meta.app_label, self.source._meta.model_name
                return reverse(f"wagtailsnippets_{app}_{model}:edit", args=[self.target.pk])
        if isinstance(self.source, Page):
            return reverse("wagtail_localize:submit_page_translation", args=[self.source.pk])
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[self.source._meta.app_label, self.source._meta.model_name, self.source.pk],
        )


def translatable_data_models():
    """The translatable snippets editors keep, with their labels."""

    return [District, Workshop, Topic, FooterText]


def source_groups(source_locale: Locale):
    """(kind, label, Danish objects) for pages and each translatable snippet model."""
    pages = (
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True).specific().order_by("path")
    )
    yield "page", str(_("Page")), list(pages)
    for model in translatable_data_models():
        yield model._meta.label_lower, str(model._meta.verbose_name).capitalize(), list(
            model.objects.filter(locale=source_locale)
        )


def target_locale_for(language_code: str | None = None) -> Locale | None:
    """The locale of a target language (the first target language by default), or None if it is not one."""
    targets = target_languages()
    code = targets[0] if language_code is None and targets else language_code
    return Locale.objects.filter(language_code=code).first() if code in targets else None


def translation_statuses(target_locale: Locale | None = None) -> list[Status]:
    """The state of every Danish page and translatable snippet in the target language (the first one by default)."""
    source_locale = Locale.get_default()
    target_locale = target_locale or target_locale_for()
    if target_locale is None:
        return []
    statuses = []
    for kind, label, objects in source_groups(source_locale):
        if not objects:
            continue
        model = type(objects[0]) if kind != "page" else Page
        keys = [obj.translation_key for obj in objects]
        targets = model.objects.filter(translation_key__in=keys, locale=target_locale)
        if kind == "page":
            targets = targets.filter(alias_of__isnull=True)
        targets = {target.translation_key: target for target in targets}
        sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
        }
        translations = {
            translation.source_id: translation
            for translation in Translation.objects.filter(source__in=sources.values(), target_locale=target_locale)
        }
        progress = _progress(list(sources.values()), target_locale)
        for obj in objects:
            source = sources.get(obj.translation_key)
            target = targets.get(obj.translation_key)
            translation = translations.get(source.pk) if source else None
            total, translated = progress.get(source.pk, (0, 0)) if source else (0, 0)
            changes = unsynced_changes(obj, source) if source and source_changed_since_sync(obj, source) else []
            reviews = changes_awaiting_review(source, target_locale) if source and target and translated < total else []
            total, translated = _current_progress(total, translated, changes)
            statuses.append(
                Status(
                    kind=kind,
                    kind_label=label,
                    title=str(obj),
                    source=obj,
                    target=target,
                    translation=translation,
                    state=_state(target, source, translation, total, translated),
                    total=total,
                    translated=translated,
                    changes=changes,
                    reviews=reviews,
                )
            )
    return statuses


def _current_progress(total: int, translated: int, changes: list[Change]) -> tuple[int, int]:
    """(units, current units) of the published Danish version, given what changed since the sync.

    The units are the synced segments, plus each added text and each other
    change (a removed text, a new image or link); each change makes one unit
    not current, the unchanged segments keep their translations.
    """
    if not changes:
        return total, translated
    units = total + sum(1 for change in changes if not change.is_text or not change.old)
    return units, max(0, min(translated, units - len(changes)))


def _state(target, source, translation, total, translated) -> str:
    if target is None:
        return State.MISSING
    if source is None or translation is None or translated < total:
        return State.OUT_OF_DATE
    return State.UP_TO_DATE


def source_changed_since_sync(obj, source: TranslationSource) -> bool:
    """Whether the Danish object changed after the translation source was last updated from it."""
    if isinstance(obj, Page):
        return bool(obj.last_published_at and obj.last_published_at > source.last_updated_at)
    # Compared as wagtail-localize stores it, but only in the fields a translation
    # depends on (a timestamp such as updated_at changes without anything to translate).
    if isinstance(obj, ClusterableModel):
        current = json.loads(obj.to_json())
    else:
        current = json.loads(json.dumps(get_serializable_data_for_fields(obj), cls=DjangoJSONEncoder))
    stored = json.loads(source.content_json)
    fields = {field.field_name for field in get_translatable_fields(type(obj))}
    return any(current.get(name) != stored.get(name) for name in fields)


def _progress(sources: list[TranslationSource], locale: Locale) -> dict[int, tuple[int, int]]:
    """(segments, translated segments) per source, in one query (as wagtail-localize counts them)."""
    if not sources:
        return {}
    rows = (
        StringSegment.objects.filter(source__in=sources)
        .annotate(
            is_translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale=locale,
                    has_error=False,
                ).filter(~Q(tool_name__startswith=REVIEW_PREFIX))
            )
        )
        .values("source_id")
        .annotate(
            total=Count("pk"),
            translated=Coalesce(
                Sum(Case(When(is_translated=True, then=Value(1)), default=Value(0), output_field=IntegerField())), 0
            ),
        )
    )
    return {row["source_id"]: (row["total"], row["translated"]) for row in rows}


SORT_KEYS = {
    "title": lambda status: status.title.casefold(),
    "type": lambda status: (status.kind_label, status.title.casefold()),
    "state": lambda status: (State.ORDER[status.state], status.title.casefold()),
    "progress": lambda status: (status.percent, status.title.casefold()),
}


def filtered(statuses: list[Status], state: str = "", kind: str = "", ordering: str = "state") -> list[Status]:
    """Statuses narrowed to a state and a type, and sorted (``-`` in front reverses)."""
    if state:
        statuses = [status for status in statuses if status.state == state]
    if kind:
        statuses = [status for status in statuses if status.kind == kind]
    key = SORT_KEYS.get(ordering.lstrip("-"), SORT_KEYS["state"])
    return sorted(statuses, key=key, reverse=ordering.startswith("-"))


def missing_or_outdated(target_locale: Locale | None = None) -> list[Status]:
    """The Danish pages and data items whose version in the target language is missing or out of date, missing first."""
    return filtered([s for s in translation_statuses(target_locale) if s.state != State.UP_TO_DATE], ordering="state")


def status_for(target) -> Status | None:
    """The status of the default-language original of a translated page or item, or None if it is not a translation."""
    source_locale = Locale.get_default()
    if isinstance(target, Page):
        target = target.specific
    if target.locale_id == source_locale.pk:
        return None
    source = TranslationSource.objects.filter(object_id=target.translation_key, locale=source_locale).first()
    translation = Translation.objects.filter(source=source, target_locale_id=target.locale_id).first() if source else None
    if translation is None:
        return None
    original = source.get_source_instance()
    total, translated = _progress([source], target.locale).get(source.pk, (0, 0))
    changes = unsynced_changes(original, source) if source_changed_since_sync(original, source) else []
    total, translated = _current_progress(total, translated, changes)
    kind = "page" if isinstance(original, Page) else original._meta.label_lower
    return Status(
        kind=kind,
        kind_label=str(_("Page")) if kind == "page" else str(original._meta.verbose_name).capitalize(),
        title=str(original),
        source=original,
        target=target,
        translation=translation,
        state=_state(target, source, translation, total, translated),
        total=total,
        translated=translated,
        changes=changes,
    )
