"""Per-language stemming for modelsearch's SQLite full-text search, as PostgreSQL's configurations (``danish``...) do.

Upstream gap (modelsearch 1.3, the search backends Wagtail 8 uses): the SQLite
backend "currently has no config options" (``SQLiteSearchBackend.__init__``)
and its FTS5 table uses SQLite's default ``unicode61`` tokenizer, which has no
stemmer for any language but English (``porter``). So on SQLite "kritisk" does
not find "kritiske", nor "startup" "startups", while PostgreSQL's text-search
configurations find both. No upstream issue asks for it yet; the place to
change is ``modelsearch/backends/database/sqlite/sqlite.py``.

This backend does on SQLite what PostgreSQL's configurations do: it stores the
title and body of each object as Snowball stems of its own locale's language
(stop words dropped, as PostgreSQL's ``danish.stop``, ``english.stop``... drop
them; ``snowball_stopwords/`` holds those lists, from the Snowball project),
and stems a query's words with the active language's stemmer. The autocomplete
column stays unstemmed, since it matches prefixes of what editors type.
Delete this module once modelsearch's SQLite backend can stem per language.

Upstream: related https://github.com/wagtail/django-modelsearch/issues/61 (Support for local-specific indexes,
open) asks for per-language indexes in general; SQLite stemming itself: no issue found (searched 2026-12-07);
to report: modelsearch's SQLite FTS5 backend cannot stem any language but English.
"""

import re
from functools import cache
from pathlib import Path

import snowballstemmer
from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

STOPWORDS_DIR = Path(__file__).with_name("snowball_stopwords")
WORD = re.compile(r"\w+")


def base_language(language_code: str | None) -> str:
    """The language without its region, in lower case ("pt" for "pt-BR"); "" for none."""
    return (language_code or "").split("-")[0].lower()


def stemmer_name(language: str) -> str | None:
    """Snowball's name of the stemmer for a site language (settings.SITE_LANGUAGES), or None."""
    return settings.SITE_LANGUAGES.get(language, {}).get("stemmer")


@cache
def _stemmer(language: str):
    """Snowball's stemmer for a site language, or None."""
    name = stemmer_name(language)
    return snowballstemmer.stemmer(name) if name else None


@cache
def _stopwords(language: str) -> frozenset[str]:
    """The words PostgreSQL's configuration for the language leaves out of its index and queries."""
    path = STOPWORDS_DIR / f"{stemmer_name(language)}.stop"
    if not stemmer_name(language) or not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def stems(text: str, language_code: str | None) -> list[str]:
    """The words of ``text`` as the language's text search indexes them: lower case, stop words out, stemmed."""
    language = base_language(language_code)
    words = [word for word in WORD.findall(text.lower()) if word not in _stopwords(language)]
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer else words


class StemmingIndexer(ObjectIndexer):
    """Gives the index the stems of the object's title and body in the object's own language."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        locale = getattr(obj, "locale", None)
        self.language = locale.language_code if locale else None

    @property
    def stemmed_title(self) -> str:
        """The title's stems."""
        return " ".join(stems(self.title, self.language))

    @property
    def stemmed_body(self) -> str:
        """The body's stems."""
        return " ".join(stems(self.body, self.language))


class StemmingSQLiteIndex(SQLiteIndex):
    """modelsearch's SQLite index, writing stems instead of the words themselves."""

    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, but through StemmingIndexer, and with each
        # object's language active, so what its blocks list is in its language.
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        data = {}
        for obj in objs:
            indexer = StemmingIndexer(obj, self.backend)
            with translation.override(indexer.language or translation.get_language()):
                data[indexer.id] = (indexer.stemmed_title, indexer.autocomplete, indexer.stemmed_body)
        if not data:
            return
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete,
                       body=body)
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
    """Stems a query's words with the active language's stemmer, as the index was stemmed."""

    def build_search_query_content(self, query, config=None):
        language = translation.get_language()
        if isinstance(query, PlainText):
            query = PlainText(" ".join(stems(query.query_string, language)), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(stems(query.query_string, language)))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        # A query of stop words only finds nothing, as on PostgreSQL (upstream would build an empty MATCH).
        if isinstance(self.query, PlainText) and not stems(self.query.query_string, translation.get_language()):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    """modelsearch's SQLite full-text backend with each language's Snowball stemming."""

    query_compiler_class = StemmingQueryCompiler
    index_class = StemmingSQLiteIndex
