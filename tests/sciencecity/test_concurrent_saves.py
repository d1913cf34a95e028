"""Saves that collide on SQLite wait their turn instead of failing; one that still cannot be made is explained."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from sciencecity.settings.database import database_settings

WRITERS = 4
SAVES_EACH = 15


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """Register an SQLite file database under its own alias; yield a function that configures it.

    Not the test database: its own file, as the site's is, outside any test transaction.
    """
    aliases = []

    def configure(options: dict) -> str:
        alias = f"busy_{tmp_path.name}_{len(aliases)}"
        config = database_settings(f"sqlite:///{tmp_path / alias}.sqlite3")
        config["OPTIONS"] = options
        connections.settings[alias] = connections.configure_settings({"default": config})["default"]
        aliases.append(alias)
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, number INTEGER)")
        return alias

    with django_db_blocker.unblock():
        yield configure
    for alias in aliases:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def save_concurrently(alias: str) -> list[Exception]:
    """Several threads save as the page editor does (read, then write, in one transaction) at once."""
    errors: list[Exception] = []
    start = threading.Barrier(WRITERS)

    def writer():
        start.wait()
        try:
            for _ in range(SAVES_EACH):
                with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM revision")
                    (count,) = cursor.fetchone()
                    time.sleep(0.002)  # the editor's form is validated between the read and the write
                    cursor.execute("INSERT INTO revision (number) VALUES (%s)", [count + 1])
        except OperationalError as error:
            errors.append(error)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_the_sqlite_settings_take_write_locks_early_wait_and_use_wal():
    options = database_settings("sqlite:////tmp/site.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    assert "journal_mode=WAL" in options["init_command"]


def test_postgresql_gets_none_of_them():
    assert "OPTIONS" not in database_settings("postgres://u@127.0.0.1:5432/db") or not database_settings(
        "postgres://u@127.0.0.1:5432/db"
    )["OPTIONS"].get("transaction_mode")


def test_with_them_concurrent_saves_all_succeed(sqlite_file):
    """Without the options (Django's deferred transactions, no wait) these saves fail with "database is locked"."""
    alias = sqlite_file(database_settings("sqlite:////unused.sqlite3")["OPTIONS"])
    assert save_concurrently(alias) == []
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT number) FROM revision")
        assert cursor.fetchone() == (WRITERS * SAVES_EACH, WRITERS * SAVES_EACH)
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)


BUSY = {
    "da": "Ændringerne blev ikke gemt, fordi databasen var optaget",
    "sv": "Ändringarna sparades inte eftersom databasen var upptagen",
}


@pytest.fixture
def locked_database(monkeypatch):
    """Every page revision save meets a database that stays locked beyond the timeout."""
    from wagtail.models import Page

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Page, "save_revision", locked)


@pytest.fixture
def editor_client(client, db, site_content):
    from wagtail.users.models import UserProfile

    from accounts.testing import force_verified_login
    from editorial.roles import ADMINISTRATORS
    from tests.factories import UserFactory

    def sign_in(language):
        user = UserFactory(groups=[ADMINISTRATORS], is_superuser=True)
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        force_verified_login(client, user)
        client.raise_request_exception = False
        return client

    return sign_in


def edit_post(page) -> dict:
    return {"title": page.title, "slug": page.slug, "body-count": "0"}


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_save_the_database_cannot_take_is_explained_in_the_editors_language(
    editor_client, site_content, locked_database, language
):
    page = site_content.page("privacy-policy")
    response = editor_client(language).post(f"/admin/pages/{page.pk}/edit/", edit_post(page))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert BUSY[language] in response.content.decode()


def test_an_autosave_the_database_cannot_take_gets_json(editor_client, site_content, locked_database):
    page = site_content.page("privacy-policy")
    response = editor_client("da").post(
        f"/admin/pages/{page.pk}/edit/", edit_post(page), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 503
    assert response.json()["success"] is False
    assert BUSY["da"] in response.json()["error_message"]
