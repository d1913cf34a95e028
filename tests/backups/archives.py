"""Archives made by hand, as backup_site would write them or as an attacker might, for the restore's tests."""

import hashlib
import io
import json
import tarfile

from backups.archive import signed

# The test settings' SECRET_KEY signs what the throwaway sites (manage.py in a subprocess) accept.
SECRET = "test-only-key-not-a-secret"  # noqa: S105 - sciencecity/settings/test.py's
MANIFEST = {"site": "sciencecity", "release": "1.0", "created": "2026-01-01T03:15:00+00:00", "engine": "sqlite",
            "connector": "dbbackup.db.sqlite.SqliteBackupConnector", "migrations": [["workshops", "0001_initial"]]}


def tar_gz(path, members: dict[str, bytes]):
    """Write a .tar.gz holding these members."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def media_tar(members: list[tuple[str, bytes]], links=()) -> bytes:
    """A media tarball as mediabackup writes it (plain tar), with these files and symbolic links."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, target in links:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, target
            tar.addfile(info)
    return buffer.getvalue()


def archive_of(path, parts: dict[str, bytes], secret=SECRET, sizes=None, extra=None, **changes):
    """A .tar.gz as write_archive writes it (signed with ``secret`` unless None), from the parts' bytes;
    ``sizes`` overrides what the manifest says of a part's size, ``changes`` its other entries."""
    manifest = {**MANIFEST, **changes, "format": 1, "parts": {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": (sizes or {}).get(name, len(data))}
        for name, data in parts.items()}}
    if secret is not None:
        manifest = signed(manifest, secret)
    return tar_gz(path, {"manifest.json": json.dumps(manifest).encode(), **parts, **(extra or {})})


