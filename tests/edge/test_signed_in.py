"""The app's remaining caches with a signed-in editor's cookies present: nothing personal is shared either way.

What the app keeps (the chrome, each page's body, the home page's cards, the
directory, a district's and a workshop's data, the workshop filters) is kept
per content generation, not per visitor. These tests send the cookies a
signed-in editor's browser really sends (session, CSRF token, language) and
check both directions: what the editor sees never reaches an anonymous
visitor or the edge, and what was cached for visitors never hides the editor's
own tools or shows them a stale draft.
"""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

from editorial.roles import EDITORS
from tests.factories import UserFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def cached_urls(site_content) -> dict[str, str]:
    """One address for each thing the app caches, in Danish."""
    network = site_content.page("giid-network")
    workshops = site_content.page("giid-workshops")
    workshop = Workshop.objects.filter(locale__language_code="da").order_by("pk").first()
    return {
        "home page: body and cards": "/da/",
        "partnership page: body": site_content.page("giid-partnership").url,
        "network: directory": network.url,
        "network: filtered directory": f"{network.url}?continent=europe",
        "network: a district": f"{network.url}distritotec/",
        "workshops: listing and filters": workshops.url,
        "workshops: one workshop": workshops.specific.workshop_url(workshop),
    }


@pytest.fixture
def editor():
    """A communications editor."""
    return UserFactory(groups=[EDITORS], username="redaktoer-med-cookies")


@pytest.fixture
def editor_client(editor):
    """The editor's browser: signed in, with the CSRF and language cookies the admin sets."""
    browser = Client()
    browser.force_login(editor)
    assert browser.get("/admin/").status_code == 200  # sets the CSRF cookie as a real sign-in does
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    assert {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME} <= set(browser.cookies)
    return browser


def assert_personal(response, editor):
    """The editor's own view: their tools, and never shareable."""
    html = response.content.decode()
    assert response.status_code == 200
    assert USERBAR in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control and "s-maxage" not in cache_control


def assert_anonymous(response, editor, editor_client):
    """A visitor's view: none of the editor's tools, names or tokens, and shareable by the edge."""
    html = response.content.decode()
    assert response.status_code == 200
    assert USERBAR not in html
    assert editor.username not in html
    assert editor_client.cookies[settings.CSRF_COOKIE_NAME].value not in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert "s-maxage" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize("first", ["editor", "visitor"])
def test_editor_and_visitor_each_get_their_own_view_whoever_fills_the_cache(
    site_content, client, editor, editor_client, first
):
    for name, url in cached_urls(site_content).items():
        if first == "editor":
            assert_personal(editor_client.get(url), editor)
            assert_anonymous(client.get(url), editor, editor_client)
        else:
            assert_anonymous(client.get(url), editor, editor_client)
            assert_personal(editor_client.get(url), editor)
        # And once more, both from a warm cache.
        assert_anonymous(client.get(url), editor, editor_client), name
        assert_personal(editor_client.get(url), editor), name


def test_an_editors_draft_is_not_cached_for_anyone(site_content, client, editor_client):
    page = site_content.page("lund-collaboration")
    editor_client.get(page.url)
    client.get(page.url)
    page.introduction = "Et udkast, som kun redaktøren har gemt."
    page.save_revision()
    assert "Et udkast" not in editor_client.get(page.url).content.decode()
    assert "Et udkast" not in client.get(page.url).content.decode()


def test_a_page_for_signed_in_users_is_not_served_from_the_cache_to_visitors(
    site_content, client, editor, editor_client, django_capture_on_commit_callbacks
):
    page = site_content.page("lund-collaboration")
    client.get(page.url)  # the public page's body and address are now cached
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    editor_view = editor_client.get(page.url)
    assert_personal(editor_view, editor)
    assert page.introduction[:40] in editor_view.content.decode()

    visitor = client.get(page.url)
    assert visitor.status_code == 302 and "/_util/login/" in visitor["Location"]
    assert "s-maxage" not in visitor.get("Cache-Control", "")


def test_a_signed_in_request_is_never_shareable_even_when_its_response_sets_no_cookie(site_content, rf, editor_client):
    # The session is saved on every request, so the editor's responses set a cookie anyway; this must
    # not be what keeps them private: a response without one is private too.
    from django.http import HttpResponse

    from edge.cache_headers import CacheHeadersMiddleware

    request = rf.get("/da/", HTTP_HOST="localhost")
    request.COOKIES = {name: morsel.value for name, morsel in editor_client.cookies.items()}
    response = CacheHeadersMiddleware(lambda request: HttpResponse("<p>Side</p>", content_type="text/html"))(request)
    assert not response.cookies
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]
