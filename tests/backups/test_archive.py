"""The archive format on its own: what write_archive writes, and what read_archive refuses."""

import io
import json
import tarfile

import pytest

from backups.archive import Refusal, read_archive, write_archive

MANIFEST = {"site": "sciencecity", "release": "1.0", "created": "2026-01-01T03:15:00+00:00", "engine": "sqlite",
            "connector": "dbbackup.db.sqlite.SqliteBackupConnector", "migrations": [["workshops", "0001_initial"]]}


@pytest.fixture
def parts(tmp_path):
    """A stand-in database dump and media tarball."""
    (tmp_path / "parts").mkdir()
    database, media = tmp_path / "parts" / "database.dump", tmp_path / "parts" / "media.tar"
    database.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 10)
    media.write_bytes(b"a media tarball")
    return {"database.dump": database, "media.tar": media}


def tar_gz(path, members: dict[str, bytes]):
    """Write a .tar.gz holding these members."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_an_archive_holds_the_manifest_first_and_reads_back_checked(tmp_path, parts):
    (tmp_path / "out").mkdir()
    archive = write_archive(tmp_path / "out", MANIFEST, parts)
    assert archive.name == "sciencecity-20260101-031500-sqlite.tar.gz"
    assert [path.name for path in (tmp_path / "out").iterdir()] == [archive.name], "no partial file is left"
    assert archive.stat().st_mode & 0o777 == 0o600, "only its owner may read users' password hashes"
    with tarfile.open(archive) as tar:
        assert tar.getnames() == ["manifest.json", "database.dump", "media.tar"]

    # A second backup in the same second gets its own name.
    assert write_archive(tmp_path / "out", MANIFEST, parts).name == "sciencecity-20260101-031500-sqlite-2.tar.gz"

    (tmp_path / "in").mkdir()
    manifest = read_archive(archive, tmp_path / "in")
    assert manifest["format"] == 1 and manifest["release"] == "1.0"
    assert (tmp_path / "in" / "database.dump").read_bytes() == parts["database.dump"].read_bytes()
    assert manifest["parts"]["media.tar"]["bytes"] == len(b"a media tarball")


def test_a_tarball_that_is_not_a_backup_is_refused(tmp_path):
    other = tar_gz(tmp_path / "photos.tar.gz", {"holiday.jpg": b"jpeg"})
    with pytest.raises(Refusal, match="photos.tar.gz is not a backup archive of this site: it has no manifest.json"):
        read_archive(other, tmp_path)


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ({**MANIFEST, "format": 2, "parts": {}}, "not of format 1"),
        ({**MANIFEST, "format": 1, "parts": {"../../etc/passwd": {"sha256": "0" * 64}}}, "must list exactly the parts"),
        ({**MANIFEST, "format": 1, "migrations": "all", "parts": {"database.dump": {"sha256": "0" * 64}, "media.tar": {"sha256": "0" * 64}}},
         "lacks the database engine or the migrations"),
    ],
    ids=["newer-format", "unexpected-part", "no-migrations"],
)
def test_a_manifest_that_cannot_be_trusted_is_refused(tmp_path, manifest, message):
    archive = tar_gz(tmp_path / "odd.tar.gz", {"manifest.json": json.dumps(manifest).encode(), "database.dump": b"x", "media.tar": b"y"})
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match=message):
        read_archive(archive, tmp_path / "in")
    assert list((tmp_path / "in").iterdir()) == []
