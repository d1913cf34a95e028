"""What the apps tell the core about themselves, filled in each app's ``AppConfig.ready()``.

The core imports no app: an app that adds something the core must know
about registers it here. For now that is:

- ``content_models``: models whose saves change what visitors see, so a save
  clears the small caches and purges the caches in front of the site;
- ``next_changes``: functions that say when content next changes by itself
  (a workshop ending moves it from upcoming to past), so caches in front keep
  a page no longer than that;
- ``change_listeners``: functions called after any change to public content,
  with the pages that left the public site (``signals.py`` calls them);
- ``content_loaders``: what ``load_site_content`` runs, in order, to create an
  app's seeded content where it is missing;
- ``search_sources``: functions that turn a query's words and the request
  into search results (``search.sources.SearchResult``), best first.
- ``editorial_models``: data that goes through drafts and the Danish moderation
  workflow (``editorial.EditorialMixin``);
- ``previews``: how the page that shows such an object draws its preview;
- ``checklist``: what the launch checklist on the admin dashboard asks for;
- ``health_checks``: what ``/health/`` reports besides the database and the cache.
"""

import datetime
from collections.abc import Callable

content_models: list[type] = []
next_changes: list[Callable[[], datetime.datetime | None]] = []
search_sources: list[Callable] = []
change_listeners: list[Callable] = []
content_loaders: list[tuple[int, Callable]] = []
editorial_models: list[type] = []
# model -> [(mode name, label, draw(request, obj) -> response)]
previews: dict[type, list[tuple[str, str, Callable]]] = {}
# functions(request) -> the checklist's items (``checklist.Item``) that are still open
checklist: list[Callable] = []
# name -> function() -> {"ok": bool, ...}: a dependency that /health/ reports (sciencecity/health.py)
health_checks: dict[str, Callable[[], dict]] = {}


def register_content_models(*models: type) -> None:
    """Declare models whose saves and deletions change public pages."""
    content_models.extend(model for model in models if model not in content_models)


def register_next_change(when: Callable[[], datetime.datetime | None]) -> None:
    """Declare a function that returns the next time content changes by itself (or None)."""
    if when not in next_changes:
        next_changes.append(when)


def next_change() -> datetime.datetime | None:
    """The soonest time any app's content changes by itself, or None."""
    times = [moment for when in next_changes if (moment := when()) is not None]
    return min(times) if times else None


def register_search_source(source: Callable) -> None:
    """Declare a function ``source(terms, request)`` whose results the search page lists after those before it."""
    if source not in search_sources:
        search_sources.append(source)


def register_change_listener(listener: Callable) -> None:
    """Declare a function ``listener(removed_pages=...)`` to call after any change to public content."""
    if listener not in change_listeners:
        change_listeners.append(listener)


def register_content(loader: Callable, order: int) -> None:
    """Declare a content loader (it returns what it created, as lines); lower ``order`` runs first."""
    if all(existing is not loader for _order, existing in content_loaders):
        content_loaders.append((order, loader))


def register_editorial_models(*models: type) -> None:
    """Declare models that go through drafts and the moderation workflow; their saves change public pages too."""
    editorial_models.extend(model for model in models if model not in editorial_models)
    register_content_models(*models)


def register_preview(model: type, name: str, label: str, draw: Callable) -> None:
    """Declare a way to preview ``model``: ``draw(request, obj)`` returns the page showing the unsaved object."""
    modes = previews.setdefault(model, [])
    if name not in {mode for mode, _label, _draw in modes}:
        modes.append((name, label, draw))


def register_checklist(check: Callable) -> None:
    """Declare a function that returns the launch checklist's open items it knows about."""
    if check not in checklist:
        checklist.append(check)


def register_health_check(name: str, check: Callable[[], dict]) -> None:
    """Declare a dependency ``/health/`` reports under ``name``: ``check()`` returns a dict with ``ok``."""
    health_checks[name] = check
