"""Fixtures shared by the whole suite: the site's content, loaded once per test database."""

import io
import threading
import warnings

import pytest
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.management import call_command

from tests.services import require_services


def pytest_runtest_setup(item):
    """A test marked as needing PostgreSQL, Redis or nginx skips without it, and fails instead under CI=true."""
    require_services(item)


def load_site_content() -> str:
    """Run the content loader (it only creates what is missing) and return what it printed."""
    out = io.StringIO()
    call_command("load_site_content", stdout=out)
    return out.getvalue()


TEST_DATABASES = pytest.StashKey[object]()


def prepare_test_databases(config) -> None:
    """Create the test database (the default one always) and load the content, once per session.

    pytest-django creates a test database only for collected tests that ask
    for one; the browser tests use the database through their live server
    without a db fixture, so when they run alone the default database would
    otherwise be the developer's own. The browser tests need the page tree
    while they are collected (one test item per address), so this may run
    during collection, before any fixture; ``django_db_setup`` then reuses it.
    Content is loaded once; each db test's transaction is rolled back. No test
    uses serialized rollback, so nothing is serialized.
    """
    if TEST_DATABASES in config.stash:
        return
    from django.db import connections
    from django.test.utils import setup_databases
    from pytest_django.fixtures import _disable_migrations
    from pytest_django.plugin import blocking_manager_key

    if config.getvalue("nomigrations"):
        _disable_migrations()
    keepdb = config.getvalue("reuse_db") and not config.getvalue("create_db")
    with config.stash[blocking_manager_key].unblock():
        config.stash[TEST_DATABASES] = setup_databases(
            verbosity=config.option.verbose,
            interactive=False,
            aliases=set(connections),
            serialized_aliases=set(),
            keepdb=keepdb,
        )
        load_site_content()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment):
    """pytest-django's test database set-up, replaced by ``prepare_test_databases`` (torn down at the session's end)."""
    prepare_test_databases(request.config)


def pytest_sessionfinish(session):
    """Drop the test databases, as pytest-django would, after every session fixture (the live server too) is gone."""
    config = session.config
    if TEST_DATABASES not in config.stash or config.getvalue("reuse_db"):
        return
    from django.db import connections
    from django.test.utils import teardown_databases
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        connections.close_all()
        databases = config.stash[TEST_DATABASES]
        del config.stash[TEST_DATABASES]
        try:
            teardown_databases(databases, verbosity=config.option.verbose)
        except Exception as error:  # noqa: BLE001 - as pytest-django does: a warning, not a failed run
            # PostgreSQL refuses to drop a database a live-server thread still holds;
            # .ci/run drops its throwaway databases itself.
            warnings.warn(f"Could not drop the test database: {error!r}", pytest.PytestWarning, stacklevel=1)


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test starts with an empty cache: the database rolls back between tests, Redis would not.

    The cache may be a table of the test database: a test that uses the database (a db fixture, the
    django_db mark, the live site) gets it set up first and every cache emptied. A test that never
    touches the database cannot reach that table either, so it does not wait for the database to be
    set up; its other caches (Redis, memory) are emptied all the same.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    if "django_db_setup" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            for each in caches.all(initialized_only=False):
                each.clear()
        return
    for each in caches.all(initialized_only=False):
        if not isinstance(each, DatabaseCache):
            each.clear()


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """The site with its content, served on 127.0.0.1 for the whole session (browser and edge tests)."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        load_site_content()
        add_dated_workshops()
    server = LiveServer("127.0.0.1:0", start=False)
    if server.thread.connections_override:
        # In-memory SQLite: every request thread would share the test's one connection, and two requests
        # at once (a page and its sprite) break each other's savepoints, then every later test. One at a time.
        server.thread.server_class = OneRequestAtATimeServer
    server.start()
    yield server
    server.stop()


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """Django's threaded test server, but the site answers one request at a time (connections stay open)."""

    def set_app(self, application):
        """Wrap the site in a lock, so requests on other threads wait their turn for the shared connection."""
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session")
def site_databases(tmp_path_factory):
    """Databases for throwaway sites run in other processes, copied from templates built once (tests/sites.py)."""
    from tests.sites import SiteDatabases

    databases = SiteDatabases(tmp_path_factory.mktemp("site-templates"))
    yield databases
    databases.drop()


@pytest.fixture(scope="session")
def s3_endpoint():
    """A real S3 server (moto in server mode) for the whole session: its endpoint URL (tests/s3.py)."""
    from tests.s3 import s3_server

    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def site_content(db):
    """The seeded site. Reloaded only if a transactional test emptied the database."""
    from partnerships.models import HomePage

    if not HomePage.objects.exists():
        load_site_content()
    return SeededPages()


class SeededPages:
    """Look-ups of seeded pages by their seed key and language."""

    def page(self, key: str, language: str = "da"):
        """The live page seeded under ``key``, in ``language``."""
        from wagtail.models import Page

        from seeding.tools import seed_key

        return Page.objects.get(translation_key=seed_key(key), locale__language_code=language).specific


def sync_translations(instance) -> None:
    """Update the translation source from ``instance`` and publish every translation, as "Sync" does."""
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


DATED_WORKSHOP_SLUGS = ("maanedligt-netvaerksmoede", "workshop-om-kritisk-masse")


def add_dated_workshops():
    """Two dated workshops (one coming, one held), so dated pages and calendar files exist to check.

    The seed has no dates (the organisation's page gives none), but the site
    must handle them; created once, in Danish, with a topic and a district.
    """
    import datetime

    from django.utils import timezone
    from wagtail.models import Locale

    from districts.models import District
    from workshops.models import Kind, Topic, Workshop

    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    now = timezone.now().replace(microsecond=0)
    samples = {
        DATED_WORKSHOP_SLUGS[0]: (now + datetime.timedelta(days=30), "Månedligt netværksmøde om talent"),
        DATED_WORKSHOP_SLUGS[1]: (now - datetime.timedelta(days=60), "Workshop om kritisk masse"),
    }
    for slug, (start, title) in samples.items():
        workshop, created = Workshop.objects.get_or_create(
            slug=slug,
            locale=danish,
            defaults={
                "title": title,
                "kind": Kind.WORKSHOP,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=1, minutes=30),
                "meeting_url": "https://meet.example.org/giid-netvaerket",
                "summary": "Distrikterne i netværket deler erfaringer.",
            },
        )
        if created:
            workshop.topics.set(Topic.objects.filter(locale=danish, slug="talent"))
            workshop.districts.set(District.objects.filter(locale=danish, slug__in=["science-city-lyngby", "ucity-square"]))
            workshop.save()


def remove_dated_workshops():
    """Delete what ``add_dated_workshops`` made, so the tests that follow see the seed as it is."""
    from workshops.models import Workshop

    Workshop.objects.filter(slug__in=DATED_WORKSHOP_SLUGS).delete()
