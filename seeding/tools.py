"""Tools for the content modules that ``load_site_content`` runs.

Content is written once, in each language of ``SEED_LANGUAGES`` side by side
(``Translated``); the version in the default language is created as real pages
or snippets, and the others through wagtail-localize, as a translator's work
would be, so every translation stays in step with the source through the same
machinery editors use. A configured language the seed has no text for gets no
translations here: wagtail-localize's synchronisation gives it aliases
(``sync_untranslated``). Everything here creates only what is missing and
never changes what exists.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Stable identities for seeded content: the same key always gives the same
# translation_key, so a second run finds what the first one made.
SEED_NAMESPACE = uuid.UUID("5c1e4c3e-7d0b-4c0f-9a57-7e3c5d1f2b11")


def seed_key(name: str) -> uuid.UUID:
    """The stable UUID for a named piece of seeded content."""
    return uuid.uuid5(SEED_NAMESPACE, name)


# The languages the seeded content is written in, in the order ``Translated`` takes them: the source first.
SEED_LANGUAGES = ("da", "sv", "en")


class Translated:
    """A value written in the seed's languages, given in the order of ``SEED_LANGUAGES``."""

    def __init__(self, *texts: Any):
        self.texts = dict(zip(SEED_LANGUAGES, texts, strict=False))

    def __getitem__(self, language: str) -> Any:
        return self.texts[language]

    def __repr__(self) -> str:
        return f"Translated({self.texts!r})"


def written_in(value: Any, language: str) -> bool:
    """Whether every ``Translated`` part of seeded content has text in ``language``."""
    if isinstance(value, Translated):
        return language in value.texts and written_in(value.texts[language], language)
    if isinstance(value, Child):
        return written_in(value.fields, language)
    if isinstance(value, Block):
        return written_in(value.value, language)
    if isinstance(value, dict):
        return all(written_in(item, language) for item in value.values())
    if isinstance(value, list):
        return all(written_in(item, language) for item in value)
    return True


def seeded_target_locales() -> list[Locale]:
    """The locales of the configured languages, but the source, in settings order (each loader checks its text)."""
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [locales[code] for code in codes if code in locales]


@dataclass(frozen=True)
class PageRef:
    """A link in seeded content to another seeded page, by its key; it resolves to the Danish page."""

    key: str


@dataclass(frozen=True)
class Child:
    """An inline child object (a ParentalKey row) in seeded content, with a stable translation key."""

    model: type
    key: str
    fields: dict


@dataclass(frozen=True)
class Block:
    """A StreamField block in seeded content; its value may contain ``Translated`` parts."""

    type: str
    value: Any


def in_language(value: Any, language: str, key: str = "") -> Any:
    """Pick one language out of seeded content; blocks get stable ids derived from ``key``."""
    if isinstance(value, Translated):
        return in_language(value[language], language, key)
    if isinstance(value, Child):
        # Translations match child rows by translation key, so both languages' versions share one.
        return value.model(translation_key=seed_key(value.key), **in_language(value.fields, language, value.key))
    if isinstance(value, PageRef):
        # Page choosers keep pointing at the source page in a translation;
        # templates show its version in the visitor's language (``.localized``).
        return Page.objects.get(translation_key=seed_key(value.key), locale__language_code=settings.LANGUAGE_CODE).pk
    if isinstance(value, dict):
        return {name: in_language(item, language, f"{key}.{name}") for name, item in value.items()}
    if isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            if isinstance(item, Block):
                items.append(
                    {
                        "type": item.type,
                        "value": in_language(item.value, language, f"{key}.{index}"),
                        "id": str(uuid.uuid5(SEED_NAMESPACE, f"{key}.{index}")),
                    }
                )
            else:
                items.append(in_language(item, language, f"{key}.{index}"))
        return items
    return value


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
) -> tuple[Page, bool]:
    """Create and publish the page ``key`` under ``parent`` (or just before ``before``) unless it exists in any state."""
    translation_key = seed_key(key)
    existing = model.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing, False
    page = model(translation_key=translation_key, locale=locale, **in_language(fields, locale.language_code, key))
    if before is not None:
        before.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_snippet(model, key: str, fields: dict[str, Any], locale: Locale) -> tuple[Any, bool]:
    """Create and publish the translatable object ``key`` in ``locale`` unless it exists (in any state)."""
    translation_key = seed_key(key)
    existing = model.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing, False
    obj = model.objects.create(translation_key=translation_key, locale=locale, **in_language(fields, locale.language_code, key))
    if isinstance(obj, DraftStateMixin):
        # Published as an editor's first version would be, so its history starts with the seed.
        obj.save_revision().publish()
    return obj, True


def ensure_translation(source: TranslatableMixin, key: str, fields: dict[str, Any], locale: Locale) -> tuple[Any, bool]:
    """Translate ``source`` into ``locale`` through wagtail-localize, unless a real translation exists.

    The translated text of every segment is taken from the same seeded ``fields``
    in the target language, matched to the source's segments by their position,
    so rich text, links and stream blocks line up exactly as in the editor.
    """
    existing = source.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing, False
    if not written_in(fields, locale.language_code):
        # The seed has no text in this language: translators write it, and till then an alias stands in.
        return None, False

    target_values = in_language(fields, locale.language_code, key)
    source_values = in_language(fields, source.locale.language_code, key)
    segment_text = _segment_pairs(type(source), source_values, target_values)
    if not _matches_seed(source, segment_text):
        # An editor changed the Danish version before it was translated: the
        # seeded translation no longer fits, so translators take it from here.
        return None, False

    with transaction.atomic():
        translation_source, _created = TranslationSource.get_or_create_from_instance(source)
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
    return source.get_translation(locale), True


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
