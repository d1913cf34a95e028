"""Routing through the shared cache: a public page costs two queries, anything else goes through Wagtail."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

pytestmark = pytest.mark.django_db


def queries_for(client, path: str) -> tuple[int, int]:
    """The status and the number of queries of a second request (the first fills the small caches).

    Reads of the cache itself are left out: without Redis the cache is a table of the same database.
    """
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, len([query for query in queries if "sciencecity_cache" not in query["sql"]])


@pytest.mark.parametrize("key", ["home", "giid-partnership", "giid-network", "lund-collaboration"])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_a_public_page_costs_three_queries(site_content, client, key, language):
    """The site and the page's address come from the cache, kept under the content's version (one query,
    so the cache can never hide a change); the page itself and its view restrictions are the other two.
    The restrictions are never taken from the cache: a chrome built just before a privacy change can be
    written after it (tests/privacy/test_private_pages.py)."""
    assert queries_for(client, site_content.page(key, language).url) == (200, 3)


def test_a_district_costs_three_queries(site_content, client):
    """A route below a public page: the content's version, the page from its address and its restrictions;
    the district, its map and its neighbours come from the cached route data."""
    assert queries_for(client, f"{site_content.page('giid-network').url}cleveland-health-tech-corridor/") == (200, 3)


def test_a_private_page_is_routed_by_wagtail_and_asks_for_its_password(site_content, client):
    """A page with a view restriction is not in the cache's addresses, so Wagtail checks the restriction."""
    page = site_content.page("lund-collaboration")
    client.get(page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig")
    html = client.get(page.url).content.decode()
    assert 'name="password"' in html
    assert page.introduction[:40] not in html


def test_an_unknown_address_below_a_public_page_is_a_404(site_content, client):
    """The cache finds the page; the page's own routing says there is nothing below it."""
    assert client.get(f"{site_content.page('giid-partnership').url}no-such-page/").status_code == 404
    assert client.get("/da/no-such-page/").status_code == 404


def test_a_new_site_for_a_host_is_used_at_once(site_content, client, settings, django_capture_on_commit_callbacks):
    """The site table is forgotten when a site is saved, as the chromes are."""
    settings.ALLOWED_HOSTS = ["testserver", "partners.example"]
    partnership = site_content.page("giid-partnership")
    assert f"<h1>{partnership.title}</h1>" not in client.get("/da/", HTTP_HOST="partners.example").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="partners.example", port=80, root_page=partnership, site_name="Partners")
    # The new site's root is the partnership page: its address is the language's root there.
    assert f"<h1>{partnership.title}</h1>" in client.get("/da/", HTTP_HOST="partners.example").content.decode()
