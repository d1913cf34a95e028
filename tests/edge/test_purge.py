"""The caches in front are purged after each change: a CDN with one call, nginx address by address; failures retried."""

import logging

import pytest
import requests
from django_tasks import task_backends
from wagtail.models import PageViewRestriction

from districts.models import District
from edge.purge import PURGED_KEY, purge_frontend_caches

pytestmark = pytest.mark.django_db


class CloudflareAnswer:
    """What Cloudflare's API answers to a purge it accepted."""

    status_code = 200

    def json(self):
        return {"success": True, "errors": []}


def test_a_cdn_is_purged_with_one_call_per_change(site_content, settings, monkeypatch, django_capture_on_commit_callbacks):
    """Defect 6: one change costs one purge call, however many addresses the site has."""
    calls = []
    monkeypatch.setattr(requests, "post", lambda url, **kwargs: calls.append((url, kwargs["json"])) or CloudflareAnswer())
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend", "BEARER_TOKEN": "token", "ZONEID": "zone"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        district = District.objects.get(slug="ucity-square", locale__language_code="da")
        district.city = "Philadelphia, PA"
        district.save()
    assert calls == [("https://api.cloudflare.com/client/v4/zones/zone/purge_cache", {"purge_everything": True})]


@pytest.fixture
def edge(settings):
    """A stand-in HTTP cache on 127.0.0.1 that records the PURGE requests it receives."""
    import http.server
    import threading

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
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                 "LOCATION": f"http://127.0.0.1:{server.server_address[1]}"}
    }
    yield purged
    server.shutdown()


def test_nginx_gets_every_address_the_change_touched_and_those_it_removed(site_content, edge, django_capture_on_commit_callbacks):
    page = site_content.page("lund-collaboration")
    network = site_content.page("giid-network")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    for path in ("/da/", page.url, network.url, f"{network.url}ucity-square/", f"{site_content.page('giid-workshops').url}calendar/",
                 site_content.page("giid-network", "sv").url):
        assert path in edge, path
    assert edge.count(page.url) == 1, "one purge per address per change"
    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        District.objects.get(slug="ucity-square", locale__language_code="da").delete()
    assert f"{network.url}ucity-square/" in edge, "an address purged last time is purged again, though it is gone now"


def test_a_deleted_page_is_purged(site_content, edge, django_capture_on_commit_callbacks):
    page = site_content.page("lund-collaboration", "sv")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert page.url in edge


def test_nothing_is_queued_without_a_frontend_cache(site_content, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        District.objects.get(slug="ucity-square", locale__language_code="da").save()
    assert task_backends["purge"].results == []


def test_a_failed_purge_is_logged_and_queued_again_later(site_content, settings, caplog):
    """The worker's purge fails (the edge is down): it is logged and tried again after a delay, never lost."""
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    queue = task_backends["purge"]
    queue.clear()
    with caplog.at_level(logging.ERROR, logger="edge.purge"):
        purge_frontend_caches.call(["https://example.org/da/gone/"])
    assert "tried again" in caplog.text
    [retry] = queue.results
    assert retry.task.run_after is not None
    assert "https://example.org/da/gone/" in retry.args[0], "what was to be purged is kept for the retry"
    from django.core.cache import cache

    assert "https://example.org/da/gone/" in cache.get(PURGED_KEY)


def test_an_alias_is_purged_when_its_original_changes(site_content, edge, django_capture_on_commit_callbacks):
    """Finding 36.5: an alias shows its original's text at an address of its own; corrected text must reach it too."""
    page = site_content.page("lund-collaboration")
    alias = page.create_alias(parent=site_content.page("home"), update_slug="lund-kopi")
    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.introduction = "Rettet tekst"
        page.save_revision().publish()
    assert alias.url in edge


def test_a_page_made_private_leaves_the_edge_at_once_while_the_worker_is_down(site_content, edge, settings,
                                                                              django_capture_on_commit_callbacks):
    """The purge queue's worker is down (its tasks wait forever): the page's addresses go at once all the same,
    in every language and under every alias; the queued purge stays as the backstop."""
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queue = task_backends["purge"]
    queue.clear()
    page = site_content.page("lund-collaboration")
    alias = page.create_alias(parent=site_content.page("home"), update_slug="lund-kopi")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    for language in ("da", "sv", "en"):
        assert site_content.page("lund-collaboration", language).url in edge, language
    assert alias.url in edge
    assert len(queue.results) == 1, "the queued purge is still there for what the change touched elsewhere"
