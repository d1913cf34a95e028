"""The shared cache is an accelerator, never a dependency: with Redis unreachable the site answers and editors publish.

The cache here is django-redis pointed at a port nothing listens on (a Redis
that is stopped), as production configures it. When the cache comes back,
nothing that changed meanwhile is served from it.
"""

import copy
import logging
import socket

import pytest
from django.urls import reverse

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS
from sciencecity.settings.caches import cache_settings
from tests.factories import UserFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unreachable_caches() -> dict:
    """The project's caches as production configures them for a Redis that does not answer (stopped)."""
    return cache_settings(f"redis://127.0.0.1:{closed_port()}/0")


@pytest.fixture
def cache_log():
    """The records of the cache's failures, with the once-a-minute filter starting afresh."""
    logger = logging.getLogger("sciencecity.cache")
    [once] = [each for each in logger.filters if hasattr(each, "next_at")]
    once.next_at, once.dropped = 0.0, 0
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_every_kind_of_page_answers_and_the_failure_is_logged_once(site_content, client, settings, cache_log):
    settings.CACHES = unreachable_caches()
    pages = [site_content.page(key, language).url for key in ("home", "giid-partnership", "giid-network", "giid-workshops")
             for language in ("da", "sv")]
    network = site_content.page("giid-network").url
    for path in [*pages, f"{network}ucity-square/", f"{network}?continent=europe", "/da/soeg/?q=Lyngby", "/sitemap.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert len(cache_log) == 1, "one line for the whole outage, not one per request"
    assert "Exception ignored" in cache_log[0].getMessage()


def test_the_admin_answers_and_an_editor_publishes(site_content, client, settings):
    """Through the admin's own forms: the footer text published (a new text on every page), a page unpublished."""
    from sciencecity.models import FooterText

    settings.CACHES = unreachable_caches()
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    assert client.get("/admin/").status_code == 200
    page = site_content.page("lund-collaboration")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    footer = FooterText.objects.get(locale__language_code="da")
    edit = reverse("wagtailsnippets_sciencecity_footertext:edit", args=[footer.pk])
    data = form_data(client.get(edit).content, "form[data-edit-form]")
    first_word = footer.text.split(">", 1)[1].split()[0]
    data["text"] = [data["text"][0].replace(first_word, "Udgivet-uden-cache", 1)]
    response = client.post(edit, {**data, "action-publish": ["action-publish"]})
    assert response.status_code == 302, response.content[:2000]
    assert "Udgivet-uden-cache" in client.get("/da/").content.decode()

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404


def test_what_changed_while_the_cache_was_away_is_not_served_when_it_returns(site_content, client, settings):
    """The cache keeps the menu; a publish cannot reach the cache to forget it; the cache returns: the new menu shows."""
    working = copy.deepcopy(settings.CACHES)
    assert "Lund" in client.get("/da/").content.decode()  # the menu is now in the cache
    settings.CACHES = unreachable_caches()
    page = site_content.page("lund-collaboration")
    page.menu_title = "Lund i nyt lys"
    page.save_revision().publish()
    settings.CACHES = working
    assert "Lund i nyt lys" in client.get("/da/").content.decode()
    assert "Lund i nyt lys" in client.get(site_content.page("giid-partnership").url).content.decode()
