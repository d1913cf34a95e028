"""Querysets for translatable data that pages show in the visitor's language."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from wagtail.search.queryset import SearchableQuerySetMixin


def has_drafts(model) -> bool:
    """Whether the model keeps drafts, so visitors may see only its published (live) rows."""
    return any(field.name == "live" for field in model._meta.concrete_fields)


class TranslatableQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Rows of a translatable model, read one version per object in the visitor's language."""

    def live(self):
        """The published rows only: what visitors may see (every row, for a model without drafts)."""
        return self.filter(live=True) if has_drafts(self.model) else self

    def in_language(self, language_code: str | None = None) -> list:
        """One version per object: the one in ``language_code`` (default: active), else the Danish source.

        The source stands in for a missing translation, so data is never hidden
        from Swedish visitors just because nobody has translated it yet. One
        query (plus the queryset's prefetches), however many rows there are.
        Only published rows count: a draft, or a translation not yet published,
        is never shown (the published source stands in for the latter).
        """
        language_code = language_code or get_language()
        source = settings.LANGUAGE_CODE
        rows = self.live().filter(locale__language_code__in={language_code, source}).select_related("locale")
        chosen: dict = {}
        for row in rows:
            current = chosen.get(row.translation_key)
            if current is None or row.locale.language_code == language_code:
                chosen[row.translation_key] = row
        return list(chosen.values())


def localized(objects, language_code: str | None = None) -> list:
    """The versions in ``language_code`` of objects (e.g. the Danish rows a many-to-many field points at).

    One query for all of them, keeping their order; an object without a
    published translation stands for itself, and one that is not published
    itself (nor translated) is left out, so visitors never see a draft.
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    language_code = language_code or get_language()
    translations = {
        row.translation_key: row
        for row in model.objects.live().filter(
            translation_key__in={obj.translation_key for obj in objects}, locale__language_code=language_code
        )
    }
    shown = [translations.get(obj.translation_key, obj) for obj in objects]
    return [obj for obj in shown if getattr(obj, "live", True)]
