"""A fourth language needs no code: German in a scratch settings module, with no translations, gives a working site.

A throwaway site (its own SQLite file, a copy of the session's migrated one, no Redis) runs with
tests/settings_german.py: manage.py check, makemigrations --check, load_site_content and the translation report, then tests/seeding/fourth_language_site.py fetches its pages.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.sites import MIGRATED

pytestmark = pytest.mark.throwaway_site

REPO = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def german_site(tmp_path_factory, site_databases):
    """Run the German site's commands; return a function that runs more and what its pages showed."""
    root = tmp_path_factory.mktemp("german-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_german",
        # The migrated, empty database (tests/sites.py): the schema does not follow LANGUAGES, as
        # ``makemigrations --check`` below proves, so migrating anew under these settings would add nothing.
        "DATABASE_URL": site_databases.sqlite(MIGRATED, root / "db.sqlite3"),
        "MEDIA_ROOT": str(root / "media"),
        "REDIS_URL": "",
    }

    def run(*command: str) -> str:
        result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result.stdout

    run(sys.executable, "manage.py", "check")
    # No migration to write either: what follows the settings (choices) is named, not copied, in migrations.
    run(sys.executable, "manage.py", "makemigrations", "--check", "--dry-run")
    loaded = run(sys.executable, "manage.py", "load_site_content")
    report = run(sys.executable, "manage.py", "translation_status", "--target", "de")
    pages = json.loads(run(sys.executable, "-m", "tests.seeding.fourth_language_site").splitlines()[-1])
    return {"loaded": loaded, "report": report, "pages": pages}


def test_german_gets_its_tree_of_aliases_and_a_translators_group(german_site):
    assert "alias page(s) in de" in german_site["loaded"]
    assert german_site["pages"]["german_page_is_alias"]
    assert "Translators (Deutsch)" in german_site["pages"]["groups"]
    assert german_site["report"].startswith("[de]")


def test_the_german_site_answers_in_german_showing_the_danish_text_as_such(german_site):
    pages = german_site["pages"]
    assert pages["redirect"] == "/de/"
    for page in (pages["german_home"], pages["german_page"]):
        assert (page["status"], page["lang"], page["content_lang"], page["notice"]) == (200, "de", "da", True)
        assert "de" not in page["hreflang"]
    assert pages["german_home"]["switcher"] == [["da", "Dansk"], ["sv", "Svenska"], ["en", "English"], ["de", "Deutsch"]]
    assert pages["search"] == 200
    assert (pages["not_found"]["status"], pages["not_found"]["lang"]) == (404, "de")
    assert pages["admin_login"] == 200


def test_the_german_aliases_stay_out_of_hreflang_and_the_sitemap(german_site):
    pages = german_site["pages"]
    assert pages["danish_page"]["hreflang"] == ["da", "en", "sv", "x-default"]
    assert not pages["sitemap_mentions_german"]
