"""A changed segment starts from its previous translation, marked for review, instead of an empty box.

Upstream gap (wagtail-localize 1.14.5, ``TranslationSource.refresh_segments``; issue
wagtail/wagtail-localize#502, PR #912): translations are kept per source string, so when one word of
a paragraph changes, the paragraph is a new string without a translation and the translator retypes
it. Here, after a source's segments are refreshed, each string that replaced another in the same
place (field and position) gets the old string's translation as a starting point. It is marked as
awaiting review (``tool_name`` ``REVIEW_PREFIX`` + the replaced string's id, so the old source text
can be shown), which the translation editor clears when the translator saves the segment. The editor
shows such a segment with a warning (upstream's ``error``, shown in red) saying what the source said
before; only the note is an error, so until it is checked the page keeps the earlier translation,
not the untranslated source text. Delete
this module (and its call in ``translations.apps``) once upstream offers previous translations.
"""

import difflib
from collections import defaultdict

from django.utils.translation import gettext as _
from wagtail_localize.models import String, StringSegment, StringTranslation, TranslationSource

REVIEW_PREFIX = "review:"


def _strings_by_context(source) -> dict[int, list[int]]:
    """The source's string ids, in order, per context (a rich text field holds several)."""
    strings = defaultdict(list)
    for context_id, string_id in (
        StringSegment.objects.filter(source=source).order_by("order").values_list("context_id", "string_id")
    ):
        strings[context_id].append(string_id)
    return strings


def replaced_strings(before: dict[int, list[int]], after: dict[int, list[int]]):
    """(context, old string, new string) for each string that took another's place."""
    for context_id, new in after.items():
        old = before.get(context_id, [])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if tag == "replace":
                yield from ((context_id, a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=False))


def prefill(source, before: dict[int, list[int]]) -> int:
    """Give each replacing string the previous translation of the string it replaced; return how many."""
    created = 0
    locales = list(source.translations.values_list("target_locale_id", flat=True))
    for context_id, old_id, new_id in replaced_strings(before, _strings_by_context(source)):
        for locale_id in locales:
            existing = StringTranslation.objects.filter(translation_of_id=new_id, locale_id=locale_id, context_id=context_id)
            previous = StringTranslation.objects.filter(
                translation_of_id=old_id, locale_id=locale_id, context_id=context_id, has_error=False
            ).first()
            if previous is None or existing.exists():
                continue
            StringTranslation.objects.create(
                translation_of_id=new_id,
                locale_id=locale_id,
                context_id=context_id,
                data=previous.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=f"{REVIEW_PREFIX}{old_id}",
            )
            created += 1
    return created


def awaiting_review(string_translation) -> bool:
    """Whether this translation is a previous one nobody has checked against the changed source yet."""
    return string_translation.tool_name.startswith(REVIEW_PREFIX)


def previous_source_text(string_translation) -> str:
    """The source text the translation was made for, before it changed."""
    old_id = string_translation.tool_name.removeprefix(REVIEW_PREFIX)
    return String.objects.filter(pk=old_id).values_list("data", flat=True).first() or "" if old_id.isdigit() else ""


_refresh_segments = TranslationSource.refresh_segments
_get_error = StringTranslation.get_error


def refresh_segments(self):
    """Upstream's refresh, then the previous translations of replaced strings."""
    before = _strings_by_context(self) if self.pk else {}
    result = _refresh_segments(self)
    prefill(self, before)
    return result


def get_error(self):
    """Upstream's error; else, for a translation awaiting review, the note saying what the source said before."""
    error = _get_error(self)
    if error is None and awaiting_review(self):
        return _("The original text changed; this is the earlier translation. Check it and save. The original said: “%(text)s”") % {
            "text": previous_source_text(self)
        }
    return error


def apply() -> None:
    """Patch wagtail-localize once, at start-up."""
    TranslationSource.refresh_segments = refresh_segments
    StringTranslation.get_error = get_error
