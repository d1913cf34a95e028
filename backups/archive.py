"""One backup archive: django-dbbackup's database dump and media tarball, with a signed manifest.

The manifest says which release made the archive (the RELEASE setting and every applied
migration), when, on which database engine, and the sha256 and size of each part; it carries
an HMAC of itself keyed by the site's SECRET_KEY. A restore reads it first and refuses,
before anything is changed, an archive that is not signed by this site's key, has members the
manifest does not list, is damaged, holds media files with unsafe names, was made on the other
engine, or by a newer release than the code that would restore it. Parts are unpacked no
larger than the manifest says.
"""

import hashlib
import hmac
import io
import json
import os
import shutil
import tarfile
import time
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_PART = "database.dump"
MEDIA_PART = "media.tar"
PREFIX = "sciencecity-"
SUFFIX = ".tar.gz"
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


# A manifest is a page of JSON; anything much larger is no manifest of ours.
MANIFEST_MAX_BYTES = 1 << 20
SIGNATURE = "signature"
SIGNING_SALT = b"sciencecity.backups.manifest"


class Refusal(Exception):
    """Why an archive is not restored here; raised before anything has been changed."""


def engine_name(vendor: str) -> str:
    """A database engine's name as people write it ("PostgreSQL" for Django's vendor "postgresql")."""
    return ENGINE_NAMES.get(vendor, vendor)


def sha256(path: Path) -> str:
    """The hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def applied_migrations(connection) -> list[list[str]]:
    """Every migration the database has applied, as sorted [app, name] pairs."""
    from django.db.migrations.recorder import MigrationRecorder

    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code has on disk, including those a squashed migration replaces."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def stored_files(storage, path: str = "") -> Iterator[str]:
    """The name of every file in a Django storage (the media store), depth first; none if it does not exist."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{path}/{name}" if path else name
    for directory in directories:
        yield from stored_files(storage, f"{path}/{directory}" if path else directory)


def signature(manifest: dict, secret: str) -> str:
    """The HMAC-SHA256 of the manifest (without its signature), keyed by ``secret`` (the SECRET_KEY)."""
    unsigned = {key: value for key, value in manifest.items() if key != SIGNATURE}
    key = hashlib.sha256(SIGNING_SALT + secret.encode()).digest()
    return hmac.new(key, json.dumps(unsigned, sort_keys=True).encode(), hashlib.sha256).hexdigest()


def signed(manifest: dict, secret: str) -> dict:
    """The manifest with its signature."""
    return {**manifest, SIGNATURE: signature(manifest, secret)}


def write_archive(directory: Path, manifest: dict, parts: dict[str, Path], secret: str) -> Path:
    """Write the manifest, signed with ``secret``, and the parts (archive name → file) as one .tar.gz in ``directory``.

    The archive gets its final name only once it is complete and on disk, so a failed or
    interrupted backup never leaves a file that looks like a good archive.
    """
    manifest = signed({
        **manifest,
        "format": FORMAT,
        "parts": {name: {"sha256": sha256(path), "bytes": path.stat().st_size} for name, path in parts.items()},
    }, secret)
    created = datetime.fromisoformat(manifest["created"])
    stem = f"{PREFIX}{created:%Y%m%d-%H%M%S}-{manifest['engine']}"
    final = directory / f"{stem}{SUFFIX}"
    for number in range(2, 100):
        if not final.exists():
            break
        final = directory / f"{stem}-{number}{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    try:
        # Only the owner may read it: it holds users' e-mail addresses and password hashes.
        partial.touch()
        partial.chmod(0o600)
        with partial.open("wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(created.timestamp()), 0o644
                tar.addfile(info, io.BytesIO(data))
                for name, path in parts.items():
                    tar.add(path, arcname=name, recursive=False)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return final


def read_archive(path: Path, into: Path, secrets: Iterable[str] | None) -> dict:
    """Check the archive, unpack its parts into ``into``, check every checksum and the media's names; the manifest.

    ``secrets`` are the keys a signature may be made with (SECRET_KEY and its fallbacks); None accepts an
    unsigned archive (``restore_site --accept-unsigned``). Nothing larger than the manifest says is unpacked.
    """
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = _members(tar, path)
            manifest = _read_manifest(tar, members[MANIFEST])
            if secrets is not None:
                _check_signature(manifest, secrets)
            _check_manifest(manifest)
            unexpected = sorted(set(members) - {MANIFEST, *manifest["parts"]})
            if unexpected:
                raise Refusal(f"The archive holds {unexpected[0]}, which its manifest does not list: it is not one this site wrote.")
            for name, expected in manifest["parts"].items():
                if name not in members:
                    raise Refusal(f"The archive is damaged: its part {name} is missing.")
                if members[name].size != expected["bytes"]:
                    raise Refusal(
                        f"The archive is damaged: its part {name} is {members[name].size} bytes, its manifest says {expected['bytes']}."
                    )
                target = into / name
                with tar.extractfile(members[name]) as source, target.open("wb") as copy:
                    _copy_at_most(source, copy, expected["bytes"], name)
                if sha256(target) != expected["sha256"]:
                    raise Refusal(f"The archive is damaged: its part {name} does not match the checksum in its manifest.")
        check_media(into / MEDIA_PART)
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as error:
        raise Refusal(f"{path.name} cannot be read as a backup archive: it is damaged or not an archive ({error}).") from error
    return manifest


def _members(tar: tarfile.TarFile, path: Path) -> dict[str, tarfile.TarInfo]:
    """The archive's members by name: regular files only, each name once, the manifest among them."""
    members = {}
    for member in tar.getmembers():
        if not member.isreg() or member.name in members:
            raise Refusal(f"The archive is damaged: {member.name} is not a single regular file.")
        members[member.name] = member
    if MANIFEST not in members:
        raise Refusal(f"{path.name} is not a backup archive of this site: it has no {MANIFEST}.")
    return members


def _read_manifest(tar: tarfile.TarFile, member: tarfile.TarInfo):
    """The manifest's JSON, refusing one too large to be a manifest."""
    if member.size > MANIFEST_MAX_BYTES:
        raise Refusal(f"The archive's {MANIFEST} is {member.size} bytes: too large to be a manifest.")
    with tar.extractfile(member) as file:
        return json.loads(file.read(MANIFEST_MAX_BYTES))


def _check_signature(manifest, secrets: Iterable[str]) -> None:
    """Refuse a manifest not signed with one of ``secrets``."""
    given = manifest.get(SIGNATURE) if isinstance(manifest, dict) else None
    if not isinstance(given, str) or not any(hmac.compare_digest(given, signature(manifest, secret)) for secret in secrets):
        raise Refusal(
            "The archive's manifest is not signed with this site's SECRET_KEY (or one of SECRET_KEY_FALLBACKS): it was "
            "made by another site or changed since. If you know where it comes from (an archive made before backups "
            "were signed, or under a key this site no longer has), restore it with --accept-unsigned."
        )


def _copy_at_most(source, target, limit: int, name: str) -> None:
    """Copy ``source`` to ``target``, refusing it once it runs past ``limit`` bytes."""
    copied = 0
    while chunk := source.read(min(1 << 20, limit - copied + 1)):
        copied += len(chunk)
        if copied > limit:
            raise Refusal(f"The archive is damaged: its part {name} is larger than its manifest says ({limit} bytes).")
        target.write(chunk)


def check_media(media_tar: Path) -> None:
    """Refuse a media tarball that mediarestore would stop half-way through: anything but regular files with
    relative names that stay inside the media store, each once."""
    from django.core.exceptions import SuspiciousFileOperation
    from django.core.files.utils import validate_file_name

    names = set()
    with tarfile.open(media_tar, "r:") as tar:
        for member in tar:
            try:
                validate_file_name(member.name, allow_relative_path=True)
            except SuspiciousFileOperation:
                raise Refusal(f"The archive's media hold a file named {member.name!r}, outside the media store.") from None
            if not member.isreg() or member.name in names:
                raise Refusal(f"The archive's media hold {member.name!r}, which is not a single regular file.")
            names.add(member.name)


def _check_manifest(manifest) -> None:
    """Refuse a manifest of another format or one that does not list both parts with their checksums."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Refusal(f"The archive's manifest is not of format {FORMAT}: this code cannot restore it.")
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or set(parts) != {DATABASE_PART, MEDIA_PART}:
        raise Refusal(f"The archive is damaged: its manifest must list exactly the parts {DATABASE_PART} and {MEDIA_PART}.")
    for expected in parts.values():
        if not isinstance(expected, dict) or not isinstance(expected.get("sha256"), str):
            raise Refusal("The archive is damaged: its manifest lacks a part's checksum.")
        if not isinstance(expected.get("bytes"), int) or isinstance(expected["bytes"], bool) or expected["bytes"] < 0:
            raise Refusal("The archive is damaged: its manifest lacks a part's size.")
    migrations = manifest.get("migrations")
    if not isinstance(manifest.get("engine"), str) or not isinstance(migrations, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair) for pair in migrations
    ):
        raise Refusal("The archive is damaged: its manifest lacks the database engine or the migrations.")


def check_compatible(manifest: dict, vendor: str, known: Iterable[tuple[str, str]], release: str) -> None:
    """Refuse an archive made on another database engine, or by a release with migrations this code lacks."""
    if manifest["engine"] != vendor:
        made_on = engine_name(manifest["engine"])
        raise Refusal(
            f"This archive holds a {made_on} database, but this site uses {engine_name(vendor)}: "
            f"restore it on a site whose DATABASE_URL points at {made_on}."
        )
    ahead = sorted({(app, name) for app, name in manifest["migrations"]} - set(known))
    if ahead:
        listed = ", ".join(f"{app}.{name}" for app, name in ahead[:5]) + (", ..." if len(ahead) > 5 else "")
        raise Refusal(
            f"This archive was made by a newer release ({manifest.get('release', 'unknown')}) than this code "
            f"({release}): its database has migrations this code does not have ({listed}). "
            "Deploy that release or a later one, then restore."
        )


def prune(directory: Path, keep_days: int, keep: Path, now: float | None = None) -> list[Path]:
    """Delete this site's archives in ``directory`` older than ``keep_days`` days, never ``keep``; 0 keeps all."""
    if keep_days <= 0:
        return []
    cutoff = (time.time() if now is None else now) - keep_days * 24 * 60 * 60
    removed = []
    for archive in sorted(directory.glob(f"{PREFIX}*{SUFFIX}")):
        if archive != keep and archive.stat().st_mtime < cutoff:
            archive.unlink()
            removed.append(archive)
    return removed
