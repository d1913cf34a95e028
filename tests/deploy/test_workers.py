"""Production settings, gunicorn with three workers and no Redis: every worker reads a change made elsewhere.

Without REDIS_URL the small caches live in the database, which every worker
shares; a change made by another process (as ``publish_scheduled`` makes
one) is read from every worker at the next request.
"""

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from tests.sites import LOADED

from .edge import free_port

pytestmark = pytest.mark.throwaway_site

NEW_TITLE = "Lund i nyt lys"


def production_env(folder, port: int) -> dict:
    """Production settings on an SQLite file of their own, without Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sciencecity.settings.production",
        "SECRET_KEY": "workers-test-secret-not-used-anywhere-else-1234567890abcdef",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "WEB_CONCURRENCY": "3",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    for name in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "FRONTEND_CACHE_URL"):
        env.pop(name, None)
    return env


def manage(env: dict, *args: str) -> str:
    """Run a management command as another process would; its output."""
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        return response.read().decode()


@pytest.fixture(scope="module")
def three_workers(tmp_path_factory, site_databases, production_static):
    """gunicorn with three workers under production settings, the site's content loaded (tests/sites.py)."""
    folder = tmp_path_factory.mktemp("workers")
    port = free_port()
    env = production_env(folder, port)
    env["DATABASE_URL"] = site_databases.sqlite(LOADED, folder / "db.sqlite3")
    env["STATIC_ROOT"] = production_static
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "sciencecity.wsgi"],
                               cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            read(f"{base}/health/")
            break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "gunicorn did not start"
            time.sleep(0.3)
    yield base, env
    process.terminate()
    process.wait(timeout=20)


def test_a_change_made_by_another_process_is_read_from_every_worker(three_workers):
    """Defect 3: no worker keeps a menu or footer of its own after a change."""
    base, env = three_workers
    for _ in range(30):  # every worker has built and kept its menu
        assert NEW_TITLE not in read(f"{base}/da/")
    manage(env, "shell", "-c", (
        "from partnerships.models import CollaborationPage\n"
        "page = CollaborationPage.objects.get(locale__language_code='da')\n"
        f"page.title = page.menu_title = {NEW_TITLE!r}\n"
        "page.save_revision().publish()\n"
    ))
    stale = [number for number in range(30) if NEW_TITLE not in read(f"{base}/da/partnerskab-med-giid/")]
    assert stale == [], f"{len(stale)} of 30 reads were stale"
