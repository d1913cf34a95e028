"""The site behind deploy/nginx's edge cache: a change reaches visitors through the edge, and nothing private stays.

The site runs in a live server with its content; nginx runs the project's own
configuration in front of it; the app purges the edge after each change, as in
production (here the purge queue runs its tasks at once).
"""

import time

import pytest
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
