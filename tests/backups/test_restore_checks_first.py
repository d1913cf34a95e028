"""restore_site checks the whole archive, the media's file names and its signature included, before it
touches the database: an outside review left a half-restored site with a media.tar whose member could not
be restored after the database had been."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from .archives import archive_of, media_tar
from .conftest import Site, sqlite_tables


def sqlite_dump(path) -> bytes:
    """A database dump as SqliteBackupConnector writes it: an SQLite file (here with one table)."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE made_by_the_archive (id INTEGER PRIMARY KEY)")
    connection.close()
    return path.read_bytes()


def test_media_that_cannot_be_restored_leave_the_database_untouched(tmp_path):
    database = tmp_path / "site" / "db.sqlite3"
    database.parent.mkdir()
    target = Site(tmp_path / "site", "sqlite", f"sqlite:///{database}", lambda: sqlite_tables(database))
    archive = archive_of(tmp_path / "archive.tar.gz", {
        "database.dump": sqlite_dump(tmp_path / "dump.sqlite3"),
        "media.tar": media_tar([("original_images/foto.jpg", b"jpeg"), ("../escaped.txt", b"x")]),
    })

    result = target.manage("restore_site", str(archive), check=False)
    assert result.returncode != 0
    assert "outside the media store" in result.stderr and "Nothing was changed." in result.stderr, result.stderr
    assert target.tables() == []
    assert target.files() == []
    assert not (tmp_path / "site" / "escaped.txt").exists()


@pytest.mark.django_db
def test_an_unsigned_archive_is_restored_only_when_accepted(tmp_path):
    archive = archive_of(tmp_path / "unsigned.tar.gz", {"database.dump": b"SQLite format 3\x00", "media.tar": media_tar([])},
                         secret=None, engine=connection.vendor)
    with pytest.raises(CommandError, match="not signed with this site's SECRET_KEY.*Nothing was changed"):
        call_command("restore_site", str(archive))
    # Accepted, it goes on to the next check: this suite's database is not empty, so nothing is restored.
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore_site", str(archive), accept_unsigned=True)
