"""Index and query each object with its own language's PostgreSQL text-search configuration.

Upstream gap (modelsearch, the search backends Wagtail 8 uses): the PostgreSQL
backend has one ``SEARCH_CONFIG`` for everything, and keeps one index row per
object, so two backends with different configurations overwrite each other.
With one configuration, a Danish query is stemmed with Swedish rules or the
other way round, and "byområderne" no longer finds "byområder".

This backend picks the configuration per object when indexing (the ``stemmer``
of the object's locale in ``settings.SITE_LANGUAGES``: ``danish``, ``english``...) and per request when
querying (from the active language), and indexes each object with its
language active, so that what a page's blocks list from data is indexed in the
page's language. On SQLite with full-text search it hands over to the Snowball
stemming backend of ``sqlite_stemming.py``, which does the same with the same
stemmers; on any other database to modelsearch's own choice. Delete this
module, and point ``WAGTAILSEARCH_BACKENDS`` back at
``wagtail.search.backends.database``, once upstream supports per-language
configurations.

Upstream: https://github.com/wagtail/wagtail/issues/9253 (multiple wagtail.search.backends.database backends
overwrite one index, open) and https://github.com/wagtail/django-modelsearch/issues/61 (Support for
local-specific indexes, open).
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.utils import translation
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.backends.database.sqlite.utils import fts5_available

# modelsearch's SQLite backend can be imported only where modelsearch defines its
# FTS5 model: on SQLite with FTS5 (the same test as modelsearch/abstract_models.py).
if connection.vendor == "sqlite" and fts5_available():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_stemming import StemmingSQLiteSearchBackend
else:
    SQLiteSearchBackend = StemmingSQLiteSearchBackend = None

FALLBACK_CONFIG = "simple"


def config_for_language(language_code: str | None) -> str | None:
    """The text-search configuration for a language code (its stemmer in settings.SITE_LANGUAGES), or None."""
    if not language_code:
        return None
    return settings.SITE_LANGUAGES.get(language_code.split("-")[0].lower(), {}).get("stemmer")


class LanguageIndex(PostgresIndex):
    """Writes each object's index row with the configuration of the object's locale."""

    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            locale = getattr(obj, "locale", None)
            groups[locale.language_code if locale else None].append(obj)
        for language, group in groups.items():
            backend = copy.copy(self.backend)
            backend.fixed_config = config_for_language(language) or self.backend.fallback_config
            with translation.override(language or get_language()):
                PostgresIndex(backend).add_items(model, group)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    """modelsearch's PostgreSQL backend, with a text-search configuration per language."""

    index_class = LanguageIndex
    fixed_config = None

    @property
    def config(self) -> str:
        """For indexing: the object's language (set by LanguageIndex); for queries: the active language."""
        return self.fixed_config or config_for_language(get_language()) or self.fallback_config

    @config.setter
    def config(self, value):
        # PostgresSearchBackend.__init__ stores SEARCH_CONFIG here: it becomes the fallback.
        self.fallback_config = value or FALLBACK_CONFIG


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The multilingual backend on PostgreSQL, the stemming one on SQLite with FTS5, modelsearch's own choice elsewhere."""
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    # modelsearch chose its FTS5 backend only if this SQLite has FTS5 and the index table exists.
    if SQLiteSearchBackend is not None and isinstance(backend, SQLiteSearchBackend):
        return StemmingSQLiteSearchBackend(params)
    return backend
