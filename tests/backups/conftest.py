"""Throwaway sites for the backup tests, each with its own database and media folder.

A site is driven through manage.py in a subprocess, with a DATABASE_URL of its own: a fresh
SQLite file, or a fresh PostgreSQL database (``sc_issue29_<pid>_<n>``, created and dropped here)
when the suite runs on PostgreSQL, as .ci/run's second run does; empty, or a copy of the session's
migrated site with the seed loaded (tests/sites.py). The suite's own test database
is never touched.
"""

import itertools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from tests.sites import LOADED

REPO = Path(settings.BASE_DIR)
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# SQLite always; PostgreSQL too when the suite itself runs on it.
ENGINES = ["sqlite", "postgresql"] if ON_POSTGRESQL else ["sqlite"]
# Numbers the throwaway sites of the whole session, so their database names never repeat.
SITE_NUMBERS = itertools.count(1)


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing; under CI=true, fail instead (as tests/browser/conftest.py does)."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing tool is a failure)", pytrace=False)
    pytest.skip(reason)


class PostgresServer:
    """The PostgreSQL server the suite runs on, where throwaway databases are created and dropped."""

    def __init__(self):
        database = settings.DATABASES["default"]
        self.params = {
            "host": database.get("HOST") or "localhost",
            "port": int(database.get("PORT") or 5432),
            "user": database.get("USER") or "",
            "password": database.get("PASSWORD") or "",
        }
        self.created = []

    def _admin(self, sql: str):
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.params) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchall() if cursor.description else None

    def major_version(self) -> int:
        """The server's major version, e.g. 15."""
        return int(self._admin("SELECT current_setting('server_version_num')")[0][0]) // 10000

    def create(self, name: str) -> str:
        """Create an empty database and return its DATABASE_URL."""
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        p = self.params
        return f"postgres://{quote(p['user'])}:{quote(p['password'])}@{p['host']}:{p['port']}/{name}"

    def tables(self, name: str) -> list[str]:
        """The tables of one of the created databases."""
        import psycopg

        with psycopg.connect(dbname=name, **self.params) as connection:
            rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        return sorted(row[0] for row in rows)

    def drop_all(self):
        """Drop every database this object created."""
        for name in self.created:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created = []


class Site:
    """A throwaway site: a database and a media folder, and manage.py run against them."""

    def __init__(self, root: Path, engine: str, database_url: str, tables):
        self.root, self.engine, self.database_url, self._tables = root, engine, database_url, tables
        self.media, self.backups = root / "media", root / "backups"

    def env(self) -> dict:
        """This machine's environment with the site's database and folders, the test settings and no Redis."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sciencecity.settings.test",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media),
            "BACKUP_DIR": str(self.backups),
            "REDIS_URL": "",
        }

    def run(self, *command: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
        """Run a command in the repository with the site's environment (plus ``env``); fail with its output if ``check``."""
        result = subprocess.run(command, cwd=REPO, env={**self.env(), **(env or {})}, capture_output=True, text=True, timeout=600)
        if check:
            assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    def manage(self, *args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
        """manage.py with these arguments."""
        return self.run(sys.executable, "manage.py", *args, check=check, env=env)

    def populate(self):
        """Add what a real site has beyond the seeded content (tests/backups/site_state.py); the site was made ``loaded``."""
        self.run(sys.executable, "-m", "tests.backups.site_state", "populate")

    def state(self) -> dict:
        """Counts and checksums of every table and uploaded file (tests/backups/site_state.py)."""
        return json.loads(self.run(sys.executable, "-m", "tests.backups.site_state", "snapshot").stdout)

    def backup(self) -> Path:
        """Run backup_site and return the archive it wrote."""
        output = self.manage("backup_site").stdout
        return Path(re.search(r"Wrote (\S+\.tar\.gz)", output).group(1))

    def tables(self) -> list[str]:
        """The database's tables, read without Django."""
        return self._tables()

    def files(self) -> list[str]:
        """The media folder's files, relative to it."""
        return sorted(str(path.relative_to(self.media)) for path in self.media.rglob("*") if path.is_file())


def sqlite_tables(path: Path) -> list[str]:
    """The tables of an SQLite file, opened read-only (a missing file has none)."""
    if not path.exists():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return sorted(row[0] for row in rows)


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    """Each database engine the backups are tested on."""
    if request.param == "postgresql":
        server = PostgresServer()
        major = server.major_version()
        for tool in ("pg_dump", "pg_restore"):
            found = shutil.which(tool)
            require(found is not None, f"{tool} is not installed (apt-get install postgresql-client)")
            version = subprocess.run([found, "--version"], capture_output=True, text=True, check=True).stdout
            client = int(re.search(r"\(PostgreSQL\) (\d+)", version).group(1))
            require(client == major, f"{tool} {client} cannot serve a PostgreSQL {major} server: install its client {major}")
    return request.param


@pytest.fixture(scope="module")
def new_site(engine, tmp_path_factory, site_databases):
    """A factory of throwaway sites on the module's engine, empty or ``loaded`` (migrated, the seed loaded: a copy of
    the session's template, tests/sites.py); their databases are dropped afterwards."""
    server = PostgresServer() if engine == "postgresql" else None

    def make(loaded: bool = False) -> Site:
        number = next(SITE_NUMBERS)
        root = tmp_path_factory.mktemp(f"site-{engine}-{number}")
        if server is None:
            path = root / "db.sqlite3"
            url = site_databases.sqlite(LOADED, path) if loaded else f"sqlite:///{path}"
            return Site(root, engine, url, lambda: sqlite_tables(path))
        name = f"sc_issue29_{os.getpid()}_{number}"
        url = site_databases.postgresql(name) if loaded else server.create(name)
        return Site(root, engine, url, lambda: server.tables(name))

    yield make
    if server is not None:
        server.drop_all()
