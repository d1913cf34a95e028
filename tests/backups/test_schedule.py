"""Scheduled backups in the reference deployment, `make backup` and `make restore`, and which archives are kept."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from backups.archive import prune

REPO = Path(settings.BASE_DIR)
DEPLOY = REPO / "deploy"

sys.path.insert(0, str(DEPLOY / "docker"))
from build_context import is_excluded, read_rules  # noqa: E402


def compose_service(name: str) -> str:
    """One service's block of deploy/docker/compose.yaml."""
    compose = (DEPLOY / "docker" / "compose.yaml").read_text()
    return re.search(rf"^  {name}:\n(.*?)(?=^  [a-z-]+:\n|^\S)", compose, re.S | re.M).group(1)


def test_the_compose_file_backs_up_daily_into_a_volume_and_keeps_n_days():
    backup = compose_service("backup")
    assert "<<: *app" in backup, "the backup runs in the site's own image, with its pg_dump"
    assert re.search(r"while true; do python manage.py backup_site; sleep \$\$\{BACKUP_INTERVAL_SECONDS:-86400\}; done", backup)
    assert re.search(r"BACKUP_KEEP_DAYS: \$\{BACKUP_KEEP_DAYS:-\d+\}", backup)
    assert "media:/app/media" in backup and "backups:/backups" in backup
    compose = (DEPLOY / "docker" / "compose.yaml").read_text()
    assert re.search(r"^volumes:\n(?:.*\n)*?  backups:$", compose, re.M)
    # The image writes archives to /backups, where the volume is.
    assert re.search(r"^\s+BACKUP_DIR=/backups \\$", (REPO / "Dockerfile").read_text(), re.M)


def test_the_image_has_the_pg_dump_of_the_compose_files_postgresql():
    server = int(re.search(r"image: postgres:(\d+)", compose_service("db")).group(1))
    clients = {int(version) for version in re.findall(r"postgresql-client-(\d+)", (REPO / "Dockerfile").read_text())}
    assert clients == {server}, f"the image installs client {clients}, the server is PostgreSQL {server}"


def test_a_systemd_timer_runs_the_backup_nightly_beside_the_publish_timer():
    systemd = DEPLOY / "systemd"
    assert (systemd / "sciencecity-publish-scheduled.timer").exists()
    service = (systemd / "sciencecity-backup.service").read_text()
    timer = (systemd / "sciencecity-backup.timer").read_text()
    assert re.search(r"^ExecStart=\S+/python manage.py backup_site$", service, re.M)
    assert re.search(r"^Environment=BACKUP_KEEP_DAYS=\d+$", service, re.M)
    assert re.search(r"^Environment=BACKUP_DIR=/\S+$", service, re.M)
    assert "EnvironmentFile=/etc/sciencecity/environment" in service
    assert re.search(r"^OnCalendar=\*-\*-\* \d\d:\d\d:00$", timer, re.M) and "Persistent=true" in timer


def test_archives_stay_out_of_git_and_the_image_but_the_app_does_not():
    rules = read_rules(REPO / ".dockerignore")
    assert is_excluded("backups/sciencecity-20260101-031500-postgresql.tar.gz", rules)
    assert not is_excluded("backups/archive.py", rules) and not is_excluded("backups/management/commands/backup_site.py", rules)
    ignored = subprocess.run(["git", "check-ignore", "-q", "backups/sciencecity-20260101-031500-sqlite.tar.gz"], cwd=REPO)
    assert ignored.returncode == 0
    assert subprocess.run(["git", "check-ignore", "-q", "backups/archive.py"], cwd=REPO).returncode == 1


def make_dry_run(*args: str) -> subprocess.CompletedProcess:
    """What `make -n` would run, without running it."""
    return subprocess.run(["make", "-n", *args], cwd=REPO, capture_output=True, text=True, timeout=60)


def test_make_backup_and_make_restore_run_the_commands():
    assert "manage.py backup_site" in make_dry_run("backup").stdout
    assert 'manage.py restore_site "backups/x.tar.gz"' in make_dry_run("restore", "FILE=backups/x.tar.gz").stdout
    without_file = make_dry_run("restore")
    assert without_file.returncode != 0 and "make restore FILE=" in without_file.stderr


def test_old_archives_are_deleted_and_nothing_else(tmp_path):
    now = time.time()
    day = 24 * 60 * 60

    def archive(name: str, age_days: float) -> Path:
        path = tmp_path / name
        path.write_bytes(b"archive")
        os.utime(path, (now - age_days * day, now - age_days * day))
        return path

    fresh = archive("sciencecity-20260110-031500-sqlite.tar.gz", 1)
    recent = archive("sciencecity-20260105-031500-sqlite.tar.gz", 13.9)
    old = archive("sciencecity-20251201-031500-sqlite.tar.gz", 15)
    just_written_but_old_clock = archive("sciencecity-20251101-031500-sqlite.tar.gz", 40)
    unrelated = archive("keep-me.tar.gz", 100)

    assert prune(tmp_path, 14, keep=just_written_but_old_clock, now=now) == [old]
    assert {path.name for path in tmp_path.iterdir()} == {p.name for p in (fresh, recent, just_written_but_old_clock, unrelated)}
    assert prune(tmp_path, 0, keep=fresh, now=now + 1000 * day) == []
