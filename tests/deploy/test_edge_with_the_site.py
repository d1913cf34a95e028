"""The site behind deploy/nginx's edge cache: a change reaches visitors through the edge, and nothing private stays.

The site runs in a live server with its content; nginx runs the project's own
configuration in front of it; the app purges the edge after each change, as in
production (here the purge queue runs its tasks at once).
"""

import gzip
import time

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from wagtail.models import PageViewRestriction

from .edge import fetch, running_edge

HOST = {"Host": "localhost"}  # the Site's host name, which purges name


@pytest.fixture
def edge(live_site, settings, tmp_path, django_db_blocker):
    """nginx in front of the live site, purged by the site's changes."""
    upstream = live_site.url.removeprefix("http://")
    with running_edge(tmp_path, upstream=upstream, PUBLIC_SCHEME="http", SERVER_NAME="localhost") as (base, _media), \
            django_db_blocker.unblock():
        settings.WAGTAILFRONTENDCACHE = {
            "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": base}
        }
        yield base


def through(edge: str, path: str):
    """(X-Cache-Status, body) of a visitor's GET through the edge."""
    status, headers, body = fetch(edge + path, headers=HOST)
    assert status == 200, (path, status)
    return headers.get("X-Cache-Status"), body.decode()


def eventually(check, seconds: float = 2.0):
    """``check()`` holds within ``seconds`` (the issue's bound for the edge)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def lund_page():
    from tests.conftest import SeededPages

    return SeededPages().page("lund-collaboration")


def test_a_page_made_private_is_gone_from_the_edge_and_its_search(edge):
    """Defect 1: the page that just left the public site is purged too, and search no longer lists it."""
    page = lund_page()
    through(edge, page.url)
    assert through(edge, page.url) == ("HIT", through(edge, page.url)[1])
    search = "/da/soeg/?q=Lund"
    assert f'href="{page.url}"' in through(edge, search)[1]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    try:
        assert eventually(lambda: page.introduction not in through(edge, page.url)[1]), "the private page is still at the edge"
        assert f'href="{page.url}"' not in through(edge, search)[1]
        assert f'href="{page.url}"' not in through(edge, "/da/")[1]
    finally:
        restriction.delete()


def test_query_string_pages_are_not_kept_at_the_edge(edge):
    """Defect 2: search, filters and pagination reach the app each time, so they show a change at once."""
    for path in ("/da/soeg/?q=innovation", "/da/partnerskab-med-giid/giid-netvaerket/?continent=europe"):
        first = through(edge, path)
        second = through(edge, path)
        assert second[0] != "HIT", f"{path} was served from the edge"
        assert first[1].count("<li") == second[1].count("<li")


def test_a_published_title_reaches_every_page_through_the_edge(edge):
    page = lund_page()
    old_title, old_menu_title = page.title, page.menu_title
    through(edge, "/da/")
    assert through(edge, "/da/")[0] == "HIT"
    try:
        page.title = page.menu_title = "Lund i nyt lys"
        page.save_revision().publish()
        for path in ("/da/", page.url, "/da/soeg/?q=Lund"):
            assert eventually(lambda path=path: "Lund i nyt lys" in through(edge, path)[1]), path
    finally:
        page = lund_page()
        page.title, page.menu_title = old_title, old_menu_title
        page.save_revision().publish()


def test_a_page_made_private_leaves_the_edge_at_once_while_the_purge_worker_is_down(edge, settings):
    """The queue's tasks wait for a worker that is not running; the privacy change purges its page all the same."""
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page = lund_page()
    through(edge, page.url)
    assert through(edge, page.url)[0] == "HIT"
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    try:
        assert page.introduction not in through(edge, page.url)[1], "the private page is still at the edge"
    finally:
        restriction.delete()


def test_visitors_with_and_without_compression_share_one_copy_and_its_purge(edge):
    page = lund_page()
    gzipped = fetch(edge + page.url, headers={**HOST, "Accept-Encoding": "gzip"})
    assert gzipped[1]["Content-Encoding"] == "gzip" and gzipped[1]["X-Cache-Status"] == "MISS"
    assert through(edge, page.url)[0] == "HIT", "the plain visitor gets the same copy"
    old_title = page.title
    try:
        page.title = "Lund, rettet"
        page.save_revision().publish()
        for headers in (HOST, {**HOST, "Accept-Encoding": "gzip"}):
            _status, received, body = fetch(edge + page.url, headers=headers)
            html = gzip.decompress(body) if received.get("Content-Encoding") == "gzip" else body
            assert "Lund, rettet" in html.decode(), headers
    finally:
        page = lund_page()
        page.title = old_title
        page.save_revision().publish()


def test_the_edge_serves_its_copies_while_the_database_is_down_and_the_rest_answer_503(edge, settings, monkeypatch):
    """nginx's proxy_cache_use_stale covers a page it holds; a page it does not is the app's 503, in the visitor's language."""
    settings.EDGE_CACHE_SECONDS = 1
    page = lund_page()
    through(edge, page.url)
    assert through(edge, page.url)[0] == "HIT"
    # The copy has expired: the edge must ask the app again. nginx counts whole seconds and keeps a copy
    # while its expiry second is not yet past, so a copy for 1 s may be served for up to 2.
    time.sleep(2.5)

    def refused(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refused)
    assert through(edge, page.url) == ("STALE", through(edge, page.url)[1])
    assert page.introduction in through(edge, page.url)[1]
    status, headers, body = fetch(edge + "/sv/", headers=HOST)
    assert status == 503 and headers["Retry-After"] == "30"
    assert "Tillfälligt otillgänglig" in body.decode()
    monkeypatch.undo()
    assert eventually(lambda: fetch(edge + "/sv/", headers=HOST)[0] == 200), "the site recovers without a restart"
