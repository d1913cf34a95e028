"""The archive format on its own: what write_archive writes, and what read_archive refuses."""

import json
import tarfile

import pytest

from backups.archive import Refusal, read_archive, signed, write_archive

from .archives import MANIFEST, SECRET, archive_of, media_tar, tar_gz


@pytest.fixture
def parts(tmp_path):
    """A stand-in database dump and media tarball."""
    (tmp_path / "parts").mkdir()
    database, media = tmp_path / "parts" / "database.dump", tmp_path / "parts" / "media.tar"
    database.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 10)
    media.write_bytes(media_tar([("original_images/foto.jpg", b"jpeg")]))
    return {"database.dump": database, "media.tar": media}


def test_an_archive_holds_the_manifest_first_and_reads_back_checked(tmp_path, parts):
    (tmp_path / "out").mkdir()
    archive = write_archive(tmp_path / "out", MANIFEST, parts, SECRET)
    assert archive.name == "sciencecity-20260101-031500-sqlite.tar.gz"
    assert [path.name for path in (tmp_path / "out").iterdir()] == [archive.name], "no partial file is left"
    assert archive.stat().st_mode & 0o777 == 0o600, "only its owner may read users' password hashes"
    with tarfile.open(archive) as tar:
        assert tar.getnames() == ["manifest.json", "database.dump", "media.tar"]

    # A second backup in the same second gets its own name.
    assert write_archive(tmp_path / "out", MANIFEST, parts, SECRET).name == "sciencecity-20260101-031500-sqlite-2.tar.gz"

    (tmp_path / "in").mkdir()
    manifest = read_archive(archive, tmp_path / "in", [SECRET])
    assert manifest["format"] == 1 and manifest["release"] == "1.0"
    assert (tmp_path / "in" / "database.dump").read_bytes() == parts["database.dump"].read_bytes()
    assert manifest["parts"]["media.tar"]["bytes"] == parts["media.tar"].stat().st_size


def test_a_tarball_that_is_not_a_backup_is_refused(tmp_path):
    other = tar_gz(tmp_path / "photos.tar.gz", {"holiday.jpg": b"jpeg"})
    with pytest.raises(Refusal, match="photos.tar.gz is not a backup archive of this site: it has no manifest.json"):
        read_archive(other, tmp_path, [SECRET])


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ({**MANIFEST, "format": 2, "parts": {}}, "not of format 1"),
        ({**MANIFEST, "format": 1, "parts": {"../../etc/passwd": {"sha256": "0" * 64}}}, "must list exactly the parts"),
        ({**MANIFEST, "format": 1, "migrations": "all",
          "parts": {"database.dump": {"sha256": "0" * 64, "bytes": 1}, "media.tar": {"sha256": "0" * 64, "bytes": 1}}},
         "lacks the database engine or the migrations"),
    ],
    ids=["newer-format", "unexpected-part", "no-migrations"],
)
def test_a_manifest_that_cannot_be_trusted_is_refused(tmp_path, manifest, message):
    archive = tar_gz(tmp_path / "odd.tar.gz", {"manifest.json": json.dumps(signed(manifest, SECRET)).encode(),
                                               "database.dump": b"x", "media.tar": b"y"})
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match=message):
        read_archive(archive, tmp_path / "in", [SECRET])
    assert list((tmp_path / "in").iterdir()) == []


GOOD_PARTS = {"database.dump": b"SQLite format 3\x00", "media.tar": media_tar([("original_images/foto.jpg", b"jpeg")])}


def test_an_archive_signed_by_the_site_reads_back(tmp_path):
    (tmp_path / "in").mkdir()
    manifest = read_archive(archive_of(tmp_path / "good.tar.gz", GOOD_PARTS), tmp_path / "in", [SECRET, "an-old-key"])
    assert manifest["release"] == "1.0"


@pytest.mark.parametrize("secret", [None, "another-site's-key"], ids=["unsigned", "signed-elsewhere"])
def test_an_archive_not_signed_with_the_sites_key_is_refused_unless_accepted(tmp_path, secret):
    archive = archive_of(tmp_path / "foreign.tar.gz", GOOD_PARTS, secret=secret)
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match="not signed with this site's SECRET_KEY.*--accept-unsigned"):
        read_archive(archive, tmp_path / "in", [SECRET])
    assert list((tmp_path / "in").iterdir()) == []
    assert read_archive(archive, tmp_path / "in", None)["release"] == "1.0"


def test_a_changed_manifest_loses_its_signature(tmp_path):
    archive = archive_of(tmp_path / "good.tar.gz", GOOD_PARTS)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    manifest["engine"] = "postgresql"
    changed = tar_gz(tmp_path / "changed.tar.gz", {"manifest.json": json.dumps(manifest).encode(), **GOOD_PARTS})
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match="not signed with this site's SECRET_KEY"):
        read_archive(changed, tmp_path / "in", [SECRET])


def test_a_manifest_with_an_extra_part_is_refused(tmp_path):
    parts = {**GOOD_PARTS, "extra.sh": b"#!/bin/sh"}
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match="must list exactly the parts database.dump and media.tar"):
        read_archive(archive_of(tmp_path / "extra.tar.gz", parts), tmp_path / "in", [SECRET])
    assert list((tmp_path / "in").iterdir()) == []


def test_a_member_the_manifest_does_not_list_is_refused(tmp_path):
    archive = archive_of(tmp_path / "extra.tar.gz", GOOD_PARTS, extra={"run-me.sh": b"#!/bin/sh"})
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match="holds run-me.sh, which its manifest does not list"):
        read_archive(archive, tmp_path / "in", [SECRET])


def test_a_part_larger_than_its_manifest_says_is_not_unpacked(tmp_path):
    """A small archive that unpacks to far more than its manifest says (zeros compress well)."""
    big = b"\x00" * (16 << 20)
    archive = archive_of(tmp_path / "bomb.tar.gz", {**GOOD_PARTS, "database.dump": big}, sizes={"database.dump": 10})
    assert archive.stat().st_size < 100_000
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match=f"its part database.dump is {16 << 20} bytes, its manifest says 10"):
        read_archive(archive, tmp_path / "in", [SECRET])
    assert not (tmp_path / "in" / "database.dump").exists()


@pytest.mark.parametrize(
    ("media", "message"),
    [
        (media_tar([("../../outside.txt", b"x")]), "named '../../outside.txt', outside the media store"),
        (media_tar([("/etc/cron.d/job", b"x")]), "named '/etc/cron.d/job', outside the media store"),
        (media_tar([("images/a.jpg", b"x")], links=[("images/b.jpg", "/etc/passwd")]),
         "'images/b.jpg', which is not a single regular file"),
        (media_tar([("images/a.jpg", b"x"), ("images/a.jpg", b"y")]), "'images/a.jpg', which is not a single regular file"),
    ],
    ids=["parent-folder", "absolute", "symbolic-link", "twice"],
)
def test_media_that_could_not_be_restored_whole_are_refused_before_anything_else(tmp_path, media, message):
    archive = archive_of(tmp_path / "media.tar.gz", {**GOOD_PARTS, "media.tar": media})
    (tmp_path / "in").mkdir()
    with pytest.raises(Refusal, match=message):
        read_archive(archive, tmp_path / "in", [SECRET])
