"""Tools for the content modules that ``load_site_content`` runs.

Content is written once, in each language of ``SEED_LANGUAGES`` side by side
(``Translated``, ``values.py``); the version in the default language is created
as real pages or snippets, and the others through wagtail-localize, as a
translator's work would be, so every translation stays in step with the source
through the same machinery editors use. A configured language the seed has no
text for gets no translations here: wagtail-localize's synchronisation gives it
aliases (``sync_untranslated``).

Everything here creates what is missing. What exists changes only where it
still reads exactly as an earlier seed wrote it and this seed words it
differently (``Translated.earlier``, ``Revised``): the object then gets this
seed's version, through a new published revision, and its translations follow
through wagtail-localize. An editor's or translator's own wording, a CSV
import's data, and a draft waiting to be published are never replaced.

Each ``ensure_*`` returns the object and what it did: "created", "updated" or ""; ``outcome_line``
words that for ``load_site_content``, which reports a loader's lines as what it created unless they
start with "updated".
"""

import json
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.synctree import synchronize_tree

from .values import (  # noqa: F401 - the content modules take everything from here
    SEED_LANGUAGES,
    Block,
    Child,
    PageRef,
    Revised,
    SnippetRef,
    Translated,
    in_language,
    revised,
    seed_key,
    written_in,
)

CREATED, UPDATED = "created", "updated"


def outcome_line(outcome: str, what: str) -> list[str]:
    """The line ``load_site_content`` prints for what an ``ensure_*`` did to ``what`` (none if nothing)."""
    if outcome == UPDATED:
        return [f"updated {what} to the seed's current wording"]
    return [what] if outcome else []


def seeded_target_locales() -> list[Locale]:
    """The locales of the configured languages, but the source, in settings order (each loader checks its text)."""
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [locales[code] for code in codes if code in locales]


def ensure_locales(*language_codes: str) -> dict[str, Locale]:
    """Create the site's locales where missing; return them by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in language_codes}


def sync_untranslated() -> list[str]:
    """Let wagtail-localize keep every target language's tree in step with the source, aliases standing in.

    A page not translated yet then exists in every language as an alias showing the source text, which the
    site marks as such (the source's lang, a notice, no hreflang, not in the sitemap).
    """
    created = []
    source = Locale.get_default()
    for locale in seeded_target_locales():
        before = Page.objects.filter(locale=locale).count()
        # Saving the synchronisation makes wagtail-localize synchronise the tree at once, and at every new page.
        _sync, new = LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        if new:
            created.append(f"the synchronisation of the {locale.language_code} tree from {source.language_code}")
        synchronize_tree(source, locale)
        added = Page.objects.filter(locale=locale).count() - before
        if added:
            created.append(f"{added} alias page(s) in {locale.language_code} awaiting translation")
    return created


def ensure_page(
    parent: Page, model: type[Page], key: str, fields: dict[str, Any], locale: Locale, before: Page | None = None
) -> tuple[Page, str]:
    """Create and publish the page ``key`` under ``parent`` (or just before ``before``), or bring it up to date."""
    translation_key = seed_key(key)
    existing = model.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing, refresh(existing, key, fields)
    page = model(translation_key=translation_key, locale=locale, **in_language(fields, locale.language_code, key))
    if before is not None:
        before.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page, CREATED


def ensure_snippet(model, key: str, fields: dict[str, Any], locale: Locale) -> tuple[Any, str]:
    """Create and publish the translatable object ``key`` in ``locale``, or bring it up to date."""
    translation_key = seed_key(key)
    existing = model.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing, refresh(existing, key, fields)
    obj = model.objects.create(translation_key=translation_key, locale=locale, **in_language(fields, locale.language_code, key))
    if isinstance(obj, DraftStateMixin):
        # Published as an editor's first version would be, so its history starts with the seed.
        obj.save_revision().publish()
    return obj, CREATED


def refresh(obj, key: str, fields: dict[str, Any]) -> str:
    """Give a source object this seed's value of each field that still holds an earlier seed's; "updated" if any."""
    if not revised(fields) or getattr(obj, "has_unpublished_changes", False):
        # Publishing over a waiting draft would throw the editor's draft away.
        return ""
    language = obj.locale.language_code
    current = in_language(fields, language, key)
    earlier = in_language(fields, language, key, earlier=True)
    now_seeded, earlier_seeded = type(obj)(**current), type(obj)(**earlier)
    stale = [
        name
        for name, value in fields.items()
        if revised(value)
        and _comparable(obj, name) == _comparable(earlier_seeded, name) != _comparable(now_seeded, name)
    ]
    if not stale:
        return ""
    for name in stale:
        setattr(obj, name, current[name])
    if isinstance(obj, DraftStateMixin):
        obj.save_revision().publish()
    else:
        obj.save()
    return UPDATED


def _comparable(instance, name: str) -> Any:
    """A field's value in a form that compares equal however it was stored: blocks in full, relations by key."""
    field = instance._meta.get_field(name)
    value = getattr(instance, name)
    if isinstance(field, StreamField):
        return [
            (child.block_type, str(child.id), json.dumps(child.block.get_prep_value(child.value), cls=DjangoJSONEncoder, sort_keys=True))
            for child in value
        ]
    if field.many_to_many:
        return sorted(item.pk for item in value.all())
    return field.get_prep_value(value)


def ensure_translation(source: TranslatableMixin, key: str, fields: dict[str, Any], locale: Locale) -> tuple[Any, str]:
    """Translate ``source`` into ``locale`` through wagtail-localize, or bring the seeded translation up to date.

    The translated text of every segment is taken from the same seeded ``fields``
    in the target language, matched to the source's segments by their position,
    so rich text, links and stream blocks line up exactly as in the editor. An
    existing translation is redone only while every segment of it still reads
    as this seed or an earlier one wrote it, and it differs from this seed's.
    """
    existing = source.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        if not revised(fields) or not _translation_is_stale(existing, key, fields, locale):
            return existing, ""
    else:
        existing = None
    if not written_in(fields, locale.language_code):
        # The seed has no text in this language: translators write it, and till then an alias stands in.
        return None, ""

    target_values = in_language(fields, locale.language_code, key)
    source_values = in_language(fields, source.locale.language_code, key)
    segment_text = _segment_pairs(type(source), source_values, target_values)
    if not _matches_seed(source, segment_text):
        # An editor changed the Danish version before it was translated: the
        # seeded translation no longer fits, so translators take it from here.
        return None, ""

    with transaction.atomic():
        # Updated, not only fetched: an earlier source may be what wagtail-localize last read.
        translation_source, _created = TranslationSource.update_or_create_from_instance(source)
        translation, _created = Translation.objects.get_or_create(
            source=translation_source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=translation_source).select_related("string", "context")
        for segment in segments:
            try:
                text = segment_text[(segment.context.path, segment.string.data)]
            except KeyError:
                raise ValueError(
                    f"Seeded content {key!r} has no {locale.language_code} text for segment "
                    f"{segment.context.path!r}: {segment.string.data!r}"
                ) from None
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
        translation.save_target(publish=True)
    return source.get_translation(locale), UPDATED if existing is not None else CREATED


def _translation_is_stale(target, key: str, fields: dict[str, Any], locale: Locale) -> bool:
    """Whether a translation reads, segment by segment, as this seed or an earlier one wrote it, and not all as this one.

    A translation also counts as stale when its source has changed since (it
    was just brought up to date), so the synchronised fields follow.
    """
    if getattr(target, "has_unpublished_changes", False):
        return False
    language = locale.language_code
    model = type(target)
    now = _strings_by_path(model(**in_language(fields, language, key)))
    before = _strings_by_path(model(**in_language(fields, language, key, earlier=True)))
    found = _strings_by_path(target)
    if any(found.get(path) not in (now.get(path), before.get(path)) for path in set(found) | set(now) | set(before)):
        return False
    return found != now or _source_is_newer(target)


def _source_is_newer(target) -> bool:
    """Whether the target's source was published after the target was last translated."""
    source = target.get_translation(Locale.get_default())
    return bool(source.last_published_at and target.last_published_at and source.last_published_at > target.last_published_at)


def _matches_seed(source, segment_text: dict[tuple[str, str], str]) -> bool:
    """Whether every string segment of the object as it is now has seeded text."""
    return all((path, text) in segment_text for path, texts in _strings_by_path(source).items() for text in texts)


def _segment_pairs(model, source_values: dict, target_values: dict) -> dict[tuple[str, str], str]:
    """Map (segment path, source text) to target text by extracting both versions alike."""
    source_segments = _strings_by_path(model(**source_values))
    target_segments = _strings_by_path(model(**target_values))
    pairs = {}
    for path, source_strings in source_segments.items():
        target_strings = target_segments.get(path, [])
        if len(target_strings) != len(source_strings):
            raise ValueError(
                f"The translation of {path!r} has {len(target_strings)} segments where the source has "
                f"{len(source_strings)}; keep paragraphs and links in step."
            )
        pairs.update({(path, source): target for source, target in zip(source_strings, target_strings, strict=True)})
    return pairs


def _strings_by_path(instance) -> dict[str, list[str]]:
    """The text of each string segment of an (unsaved) instance, grouped by path, in order."""
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings
