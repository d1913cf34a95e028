"""Backups that restore: backup_site → an empty site → restore_site gives back every row and file,
on SQLite and (when the suite runs on it) PostgreSQL; and the archives a restore refuses, changing nothing."""

import io
import json
import os
import tarfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from backups.archive import signed

from .archives import SECRET

pytestmark = pytest.mark.throwaway_site

# What must survive, each present in the source site so that the comparison is not vacuous:
# content and its translations, revisions and workflow states; districts, workshops and users;
# uploaded images and documents. Every other table is compared too.
MUST_HAVE_ROWS = [
    "wagtailcore.Page", "partnerships.HomePage", "partnerships.CollaborationPage", "wagtailcore.Revision",
    "wagtailcore.WorkflowState", "wagtailcore.TaskState", "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation", "wagtail_localize.StringTranslation", "districts.District",
    "workshops.Workshop", "auth.User", "auth.Group", "wagtailimages.Image", "wagtaildocs.Document",
]
# The previous release: the code before workshops' latest migration.
LATEST_WORKSHOPS_MIGRATION = ["workshops", "0004_editorial_process"]
OTHER_ENGINE = {"sqlite": "postgresql", "postgresql": "sqlite"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@pytest.fixture(scope="module")
def source(new_site):
    """A populated site, its state, an archive of it, and an archive of it as the previous release left it."""
    site = new_site(loaded=True)
    site.populate()
    state = site.state()
    # An archive older than BACKUP_KEEP_DAYS (14 days by default): the next backup deletes it.
    site.backups.mkdir()
    expired = site.backups / f"sciencecity-20200101-031500-{site.engine}.tar.gz"
    expired.write_bytes(b"an archive of long ago")
    os.utime(expired, (time.time() - 15 * 24 * 60 * 60,) * 2)
    archive = site.backup()
    assert not expired.exists() and archive.exists()
    site.manage("migrate", "workshops", "0001", "-v0")
    previous = site.backup()
    site.manage("migrate", "--no-input", "-v0")
    # Going back to the previous release loses what its schema cannot hold (a recording without its
    # drawing, the data's draft history); after the upgrade the site holds what a restore must give back.
    upgraded = site.state()
    return SimpleNamespace(site=site, state=state, archive=archive, previous=previous, upgraded=upgraded)


def changed_tables(before: dict, after: dict) -> list[str]:
    """The models whose row count or checksum differs between two snapshots."""
    labels = set(before["tables"]) | set(after["tables"])
    return sorted(label for label in labels if before["tables"].get(label) != after["tables"].get(label))


def manifest_of(archive: Path) -> dict:
    """An archive's manifest."""
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def rewritten(archive: Path, folder: Path, manifest=None, part=None) -> Path:
    """A copy of the archive with its manifest and/or one part's bytes changed by the given functions; a changed
    manifest is signed again with the sites' key, as an archive made so by a site with the same key would be."""
    copy = folder / f"altered-{archive.name}"
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                data = json.dumps(signed(manifest(json.loads(data)), SECRET)).encode()
            elif member.name != "manifest.json" and part:
                data = part(member.name, data)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def test_a_restore_into_an_empty_site_gives_back_every_row_and_uploaded_file(source, new_site):
    for label in MUST_HAVE_ROWS:
        assert source.state["tables"][label]["count"] > 0, f"the source site has no {label}"
    assert {name.split("/")[0] for name in source.state["files"]} >= {"original_images", "documents"}

    manifest = manifest_of(source.archive)
    assert manifest["engine"] == source.site.engine and manifest["release"] and manifest["created"]
    assert set(manifest["parts"]) == {"database.dump", "media.tar"}
    assert all(len(part["sha256"]) == 64 for part in manifest["parts"].values())
    assert manifest["migrations"] == source.state["migrations"]

    target = new_site()
    assert "Restored" in target.manage("restore_site", str(source.archive)).stdout
    restored = target.state()
    assert changed_tables(source.state, restored) == []
    assert restored["files"] == source.state["files"]
    assert restored["migrations"] == source.state["migrations"]


def test_a_backup_of_the_previous_release_is_restored_then_migrated(source, new_site):
    assert LATEST_WORKSHOPS_MIGRATION not in manifest_of(source.previous)["migrations"]

    target = new_site()
    target.manage("restore_site", str(source.previous))
    target.manage("migrate", "--check")  # fails if any migration is left unapplied
    restored = target.state()
    assert restored["migrations"] == source.upgraded["migrations"]
    assert changed_tables(source.upgraded, restored) == []
    assert restored["files"] == source.upgraded["files"]


def flip_a_byte(name: str, data: bytes) -> bytes:
    """The database dump with one byte changed, as a bad disk would."""
    if name != "database.dump":
        return data
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def other_engine(manifest: dict) -> dict:
    """The manifest of an archive made on the other database engine."""
    return {**manifest, "engine": OTHER_ENGINE[manifest["engine"]]}


def from_the_future(manifest: dict) -> dict:
    """The manifest of an archive made by a release with a migration this code does not have."""
    return {**manifest, "release": "9.9.9", "migrations": [*manifest["migrations"], ["workshops", "0099_from_the_future"]]}


@pytest.mark.parametrize(
    ("alteration", "message"),
    [
        ({"part": flip_a_byte}, "The archive is damaged: its part database.dump does not match the checksum"),
        ({"manifest": other_engine}, "This archive holds a {other} database, but this site uses {this}"),
        ({"manifest": from_the_future}, "made by a newer release (9.9.9) than this code (4.2): its database has "
                                        "migrations this code does not have (workshops.0099_from_the_future)"),
        ({"truncate": True}, "cannot be read as a backup archive: it is damaged or not an archive"),
    ],
    ids=["checksum", "engine", "newer-release", "truncated"],
)
def test_a_restore_refuses_a_bad_archive_and_changes_nothing(source, new_site, tmp_path, alteration, message):
    if alteration == {"truncate": True}:
        bad = tmp_path / "truncated.tar.gz"
        bad.write_bytes(source.archive.read_bytes()[: source.archive.stat().st_size // 2])
    else:
        bad = rewritten(source.archive, tmp_path, **alteration)
    target = new_site()
    engines = {"this": ENGINE_NAMES[target.engine], "other": ENGINE_NAMES[OTHER_ENGINE[target.engine]]}

    result = target.manage("restore_site", str(bad), check=False, env={"RELEASE": "4.2"})
    assert result.returncode != 0
    assert message.format(**engines) in result.stderr and "Nothing was changed." in result.stderr, result.stderr
    assert target.tables() == []
    assert target.files() == []


def test_a_restore_refuses_a_database_that_is_not_empty(source):
    before = source.site.state()
    result = source.site.manage("restore_site", str(source.archive), check=False)
    assert result.returncode != 0
    assert "The database is not empty" in result.stderr and "Nothing was changed." in result.stderr
    after = source.site.state()
    assert changed_tables(before, after) == []
    assert after["files"] == before["files"]


def test_a_restore_refuses_a_media_store_that_is_not_empty(source, new_site):
    target = new_site()
    (target.media / "documents").mkdir(parents=True)
    (target.media / "documents" / "keep-me.txt").write_text("an upload made after the disaster")

    result = target.manage("restore_site", str(source.archive), check=False)
    assert result.returncode != 0
    assert "The media store is not empty (it holds documents/keep-me.txt" in result.stderr
    assert target.files() == ["documents/keep-me.txt"]
    assert target.tables() == []
