"""Every change purges every public address from the caches in front of the site."""

import http.server
import threading

import pytest

from districts.models import District

pytestmark = pytest.mark.django_db


@pytest.fixture
def edge(settings):
    """A stand-in edge cache on 127.0.0.1 that records the PURGE requests it receives."""
    purged = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield purged
    server.shutdown()


def test_saving_data_purges_every_page_that_may_show_it(site_content, edge, django_capture_on_commit_callbacks):
    district = District.objects.get(slug="ucity-square", locale__language_code="da")
    with django_capture_on_commit_callbacks(execute=True):
        district.city = "Philadelphia, PA"
        district.save()
    network = site_content.page("giid-network")
    for path in ("/da/", network.url, f"{network.url}ucity-square/", site_content.page("giid-network", "sv").url,
                 f"{site_content.page('giid-workshops').url}calendar/"):
        assert path in edge, path


def test_publishing_purges_once_per_change(site_content, edge, django_capture_on_commit_callbacks):
    page = site_content.page("lund-collaboration")
    with django_capture_on_commit_callbacks(execute=True):
        page.introduction = "Nyt om Lund"
        page.save_revision().publish()
    assert edge.count("/da/") == 1, "one purge of everything per change"
    assert page.url in edge


def test_nothing_is_purged_without_a_frontend_cache(site_content, settings, monkeypatch, django_capture_on_commit_callbacks):
    from sciencecity import frontend_cache

    calls = []
    monkeypatch.setattr(frontend_cache, "purge_everything", lambda: calls.append(1))
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        District.objects.get(slug="ucity-square", locale__language_code="da").save()
    assert calls == []


def test_a_rolled_back_change_does_not_keep_the_next_from_purging(site_content, edge, django_capture_on_commit_callbacks):
    import contextlib

    from django.db import transaction

    page = site_content.page("lund-collaboration")
    with django_capture_on_commit_callbacks(execute=True):
        with contextlib.suppress(RuntimeError), transaction.atomic():
            District.objects.get(slug="ucity-square", locale__language_code="da").save()
            raise RuntimeError("the editor's change failed and was rolled back")
        page.introduction = "Nyt om Lund"
        page.save_revision().publish()
    assert edge.count("/da/") == 1


def test_the_version_moves_on_again_when_the_change_commits(site_content, django_capture_on_commit_callbacks):
    """Other processes read the old rows until the commit; what they cached meanwhile must not be read after it."""
    from sciencecity.cache import content_version

    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        District.objects.get(slug="ucity-square", locale__language_code="da").save()
        during = content_version()
    assert before < during < content_version()
