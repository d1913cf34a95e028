"""One backup archive: django-dbbackup's database dump and media tarball, with a manifest.

The manifest says which release made the archive (the RELEASE setting and every applied
migration), when, on which database engine, and the sha256 of each part. A restore reads it
first and refuses, before anything is changed, an archive that is damaged, made on the other
engine, or made by a newer release than the code that would restore it.
"""

import hashlib
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


def write_archive(directory: Path, manifest: dict, parts: dict[str, Path]) -> Path:
    """Write the manifest and the parts (archive name → file) as one .tar.gz in ``directory``.

    The archive gets its final name only once it is complete and on disk, so a failed or
    interrupted backup never leaves a file that looks like a good archive.
    """
    manifest = {
        **manifest,
        "format": FORMAT,
        "parts": {name: {"sha256": sha256(path), "bytes": path.stat().st_size} for name, path in parts.items()},
    }
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


def read_archive(path: Path, into: Path) -> dict:
    """Unpack the manifest and its parts into ``into``, check every checksum, and return the manifest."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = {member.name: member for member in tar.getmembers() if member.isfile()}
            if MANIFEST not in members:
                raise Refusal(f"{path.name} is not a backup archive of this site: it has no {MANIFEST}.")
            manifest = json.load(tar.extractfile(members[MANIFEST]))
            _check_manifest(manifest)
            for name, expected in manifest["parts"].items():
                if name not in members:
                    raise Refusal(f"The archive is damaged: its part {name} is missing.")
                target = into / name
                with tar.extractfile(members[name]) as source, target.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                if sha256(target) != expected["sha256"]:
                    raise Refusal(f"The archive is damaged: its part {name} does not match the checksum in its manifest.")
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as error:
        raise Refusal(f"{path.name} cannot be read as a backup archive: it is damaged or not an archive ({error}).") from error
    return manifest


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
