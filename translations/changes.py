"""What changed in a Danish page or item since its translation source was last synced: old and new text per segment."""

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from wagtail_localize.models import SourceDeletedError, StringTranslation, TranslationSource
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from sciencecity.upstream.localize_previous_translation import REVIEW_PREFIX, previous_source_text
from sciencecity.upstream.localize_published_source import UnpublishedSourceError, published_version


@dataclass(frozen=True)
class Change:
    """One changed segment: where it is, and its Danish text before and after (empty when added or removed)."""

    field: str
    old: str
    new: str
    is_text: bool = True


def _segment_texts(instance) -> dict[str, list[tuple[str, bool]]]:
    """(text, is text) per path, in order, of every segment a translation depends on."""
    texts = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            texts[segment.path].append((segment.render_text(), True))
        elif isinstance(segment, OverridableSegmentValue):
            texts[segment.path].append((json.dumps(segment.data, sort_keys=True, default=str), False))
        elif isinstance(segment, RelatedObjectSegmentValue):
            texts[segment.path].append((f"{segment.content_type.model}:{segment.translation_key}", False))
    return texts


def field_label(model, path: str) -> str:
    """The name of the field a segment's path starts in, as editors see it."""
    name = path.split(".", 1)[0]
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def compare(model, before, after) -> list[Change]:
    """The changed segments between two versions of one object."""
    old, new = _segment_texts(before), _segment_texts(after)
    changes = []
    for path in sorted(old.keys() | new.keys()):
        a, b = old.get(path, []), new.get(path, [])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            removed, added = a[i1:i2], b[j1:j2]
            for index in range(max(len(removed), len(added))):
                was = removed[index] if index < len(removed) else ("", True)
                now = added[index] if index < len(added) else ("", True)
                changes.append(Change(field_label(model, path), was[0], now[0], was[1] and now[1]))
    return changes


def unsynced_changes(obj, source: TranslationSource | None) -> list[Change]:
    """The segments in which the published Danish version differs from what translators last received."""
    if source is None:
        return []
    try:
        published = published_version(obj)
        synced = source.as_instance()
    except (UnpublishedSourceError, SourceDeletedError):
        return []
    return compare(type(published), synced, published)


def changes_awaiting_review(source: TranslationSource, locale) -> list[Change]:
    """Segments synced with a previous translation that no one has checked yet: the Danish before and now."""
    pending = StringTranslation.objects.filter(
        locale=locale,
        tool_name__startswith=REVIEW_PREFIX,
        context__object_id=source.object_id,
        translation_of__segments__source=source,
    ).select_related("translation_of", "context").distinct()
    model = source.specific_content_type.model_class()
    return [
        Change(field_label(model, item.context.path), previous_source_text(item), item.translation_of.data) for item in pending
    ]
