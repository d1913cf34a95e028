"""Throwaway sites' databases, built once per session and copied for each test that runs the site elsewhere.

The tests that run the site in other processes (gunicorn, manage.py) each need a database of its own.
Building one from scratch (``migrate`` in a subprocess, then ``load_site_content``) takes tens of
seconds, so it is done once per session, under the test settings and without Redis (so the cache
table is made too), and every test gets a copy: an SQLite file copied with SQLite's backup API, or a
PostgreSQL database made with ``CREATE DATABASE … TEMPLATE``. ``site_databases`` in tests/conftest.py
is the session's instance; tests/README.md lists who uses it.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

REPO = Path(settings.BASE_DIR)
MIGRATED, LOADED = "migrated", "loaded"


def manage(env: dict, *args: str) -> str:
    """Run manage.py in a process of its own; its output, or the test fails with it."""
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, f"manage.py {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def build_env(database_url: str, folder: Path) -> dict:
    """The environment a template is built in: the test settings, its own database and media, no Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sciencecity.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(folder / "media"),
        "REDIS_URL": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def copy_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite database (its write-ahead log included) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()
    return target


class SiteDatabases:
    """The session's template databases, each built on first use: ``MIGRATED`` (empty) and ``LOADED`` (the seed)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.sqlite_templates: dict[str, Path] = {}
        self.postgresql_template: str | None = None
        self.postgresql_created: list[str] = []

    def sqlite_template(self, kind: str) -> Path:
        """The SQLite template of ``kind``, built now if this session has not yet."""
        if kind not in self.sqlite_templates:
            path = self.folder / f"{kind}.sqlite3"
            if kind == MIGRATED:
                manage(build_env(f"sqlite:///{path}", self.folder), "migrate", "--no-input", "-v0")
            else:
                copy_sqlite(self.sqlite_template(MIGRATED), path)
                manage(build_env(f"sqlite:///{path}", self.folder), "load_site_content")
            self.sqlite_templates[kind] = path
        return self.sqlite_templates[kind]

    def sqlite(self, kind: str, target: Path) -> str:
        """A new SQLite database at ``target``, a copy of the template of ``kind``; its DATABASE_URL."""
        copy_sqlite(self.sqlite_template(kind), target)
        return f"sqlite:///{target}"

    # PostgreSQL: the server the suite itself runs on (its DATABASES["default"]).

    def _params(self) -> dict:
        database = settings.DATABASES["default"]
        return {
            "host": database.get("HOST") or "localhost",
            "port": int(database.get("PORT") or 5432),
            "user": database.get("USER") or "",
            "password": database.get("PASSWORD") or "",
        }

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self._params()) as connection:
            connection.execute(sql)

    def postgresql_url(self, name: str) -> str:
        """The DATABASE_URL of database ``name`` on the suite's server."""
        p = self._params()
        return f"postgres://{quote(p['user'])}:{quote(p['password'])}@{p['host']}:{p['port']}/{name}"

    def postgresql(self, name: str) -> str:
        """A new PostgreSQL database ``name`` with the seed loaded (a copy of the session's template); its DATABASE_URL."""
        if self.postgresql_template is None:
            template = f"sc_template_{os.getpid()}"
            self._admin(f'CREATE DATABASE "{template}"')
            self.postgresql_created.append(template)
            env = build_env(self.postgresql_url(template), self.folder)
            manage(env, "migrate", "--no-input", "-v0")
            manage(env, "load_site_content")
            self.postgresql_template = template
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.postgresql_template}"')
        self.postgresql_created.append(name)
        return self.postgresql_url(name)

    def drop(self) -> None:
        """Drop every PostgreSQL database made here (the SQLite files go with the session's temporary folder)."""
        for name in reversed(self.postgresql_created):
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.postgresql_created = []
