"""What an editor publishes reaches every visitor at once; nothing stale or private is kept by the app.

The one full-page cache sits in front of the application (nginx or a CDN, see
tests/deploy/test_edge_with_the_site.py); the app keeps only the small per-site
caches every page computes, and tells the edge to purge after each change.
"""

import re

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django_tasks import task_backends
from wagtail.models import PageViewRestriction

from districts.models import District
from sciencecity.models import FooterText

pytestmark = pytest.mark.django_db

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def cache_entries() -> int:
    """How many entries the default cache holds, whatever its backend."""
    default = caches["default"]
    backend = type(default).__name__
    if backend == "LocMemCache":
        return len(default._cache)
    if backend == "DatabaseCache":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(default._table)}")
            return cursor.fetchone()[0]
    return default.client.get_client().dbsize()  # django-redis


def test_a_new_template_shows_at_once_after_an_upgrade(site_content, client, settings, tmp_path):
    """Defect 4: nothing rendered from the old release's templates is served after a deploy."""
    page = site_content.page("giid-partnership")
    assert client.get(page.url).status_code == 200
    upgraded = tmp_path / "sciencecity" / "blocks"
    upgraded.mkdir(parents=True)
    (upgraded / "text.html").write_text('<div class="upgraded-text-block">{{ value }}</div>')
    # The upgrade: new templates and a new release (a new digest of the code, or RELEASE set by the deploy).
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    settings.RELEASE = "the-next-release"
    assert "upgraded-text-block" in client.get(page.url).content.decode()


def test_cache_keys_carry_the_release(settings):
    """Defect 4: a value cached by one release is never read by the next."""
    settings.RELEASE = "release-one"
    cache.set("sciencecity-test", "old")
    assert cache.get("sciencecity-test") == "old"
    settings.RELEASE = "release-two"
    assert cache.get("sciencecity-test") is None


def test_canonical_addresses_follow_the_visitors_scheme(site_content, client, settings):
    """Defect 5: behind a TLS proxy, https and http visitors each get their own scheme in every address."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.PAGE_CACHE = True  # the app's old page cache, where it still exists
    page = site_content.page("giid-partnership")
    over_https = client.get(page.url, HTTP_X_FORWARDED_PROTO="https").content.decode()
    over_http = client.get(page.url).content.decode()
    assert CANONICAL.search(over_https).group(1).startswith("https://")
    assert CANONICAL.search(over_http).group(1).startswith("http://")
    assert 'hreflang="sv" href="http://' in over_http


def test_unique_searches_do_not_fill_the_cache(site_content, client, settings):
    """Defect 7: one client making many different searches adds nothing to the cache."""
    settings.PAGE_CACHE = True
    search = "/da/soeg/"
    for warm_up in ("innovation", "talent"):
        assert client.get(search, {"q": warm_up}).status_code == 200
    before = cache_entries()
    for number in range(40):
        assert client.get(search, {"q": f"distrikt{number}"}).status_code == 200
    assert cache_entries() == before


def test_a_published_menu_title_shows_at_once_on_every_page(site_content, client, django_capture_on_commit_callbacks):
    """The menu is kept per site and language; publishing a page clears it."""
    page = site_content.page("lund-collaboration")
    assert "Lund i nyt lys" not in client.get("/da/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = page.menu_title = "Lund i nyt lys"
        page.save_revision().publish()
    for url in ("/da/", site_content.page("giid-network").url, "/da/soeg/?q=lund"):
        assert "Lund i nyt lys" in client.get(url).content.decode(), url


def test_a_saved_footer_shows_at_once(site_content, client, django_capture_on_commit_callbacks):
    client.get("/da/")
    footer = FooterText.objects.get(locale__language_code="da")
    with django_capture_on_commit_callbacks(execute=True):
        footer.text = "<p>En helt ny sidefod</p>"
        footer.save()
    assert "En helt ny sidefod" in client.get("/da/").content.decode()


def test_a_page_made_private_leaves_menus_and_search_at_once(site_content, client, django_capture_on_commit_callbacks):
    page = site_content.page("lund-collaboration")
    assert page.url in client.get("/da/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    assert f'href="{page.url}"' not in client.get("/da/").content.decode()
    assert f'href="{page.url}"' not in client.get("/da/soeg/", {"q": "Lund"}).content.decode()
    assert page.introduction not in client.get(page.url).content.decode()


@pytest.fixture
def queued(settings):
    """The purge queue as a backend that keeps what is enqueued, with an edge configured to purge."""
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    backend = task_backends["purge"]
    backend.clear()
    yield backend.results
    backend.clear()


def test_a_change_queues_one_purge_after_its_commit_and_purges_nothing_itself(site_content, queued, django_capture_on_commit_callbacks):
    """Defect 6: the editor's request only enqueues; the purge runs in the queue's worker."""
    district = District.objects.get(slug="ucity-square", locale__language_code="da")
    page = site_content.page("lund-collaboration")
    with django_capture_on_commit_callbacks(execute=True):
        district.city = "Philadelphia, PA"
        district.save()
        page.introduction = "Nyt om Lund"
        page.save_revision().publish()
        assert queued == [], "nothing is queued before the commit"
    assert len(queued) == 1, "one purge per committed change"
    assert queued[0].task.name == "purge_frontend_caches"
