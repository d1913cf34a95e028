"""The page cache: pages served from it cost no queries, and no change is ever followed by a stale page."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from districts.models import District
from sciencecity.models import FooterText, OrganisationSettings
from sciencecity.page_cache import PageCacheMiddleware
from tests.conftest import sync_translations
from tests.factories import UserFactory
from workshops.models import Topic, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


def text(client, url) -> str:
    response = client.get(url)
    return response.content.decode() if response.status_code == 200 else f"status {response.status_code}"


def cached_text(client, url) -> str:
    """The page as the cache serves it: requested twice, the second time without a single query."""
    text(client, url)
    with CaptureQueriesContext(connection) as queries:
        body = text(client, url)
    assert len(queries) == 0, f"{url} was not served from the cache"
    return body


# -- pages


def test_publish_shows_at_once(client, site_content):
    page = site_content.page("lund-collaboration")
    assert "Ny indledning om Lund" not in cached_text(client, page.url)
    page.introduction = "Ny indledning om Lund"
    page.save_revision().publish()
    assert "Ny indledning om Lund" in text(client, page.url)


def test_unpublish_removes_the_page_at_once(client, site_content):
    page = site_content.page("lund-collaboration")
    cached_text(client, page.url)
    home_before = cached_text(client, "/da/")
    page.unpublish()
    assert text(client, page.url) == "status 404"
    assert "Samarbejde med Lund" in home_before and "Samarbejde med Lund" not in text(client, "/da/")


def test_move_changes_the_menu_at_once(client, site_content):
    lund, partnership = site_content.page("lund-collaboration"), site_content.page("giid-partnership")
    menu = lambda body: [a.get_text() for a in BeautifulSoup(body, "html.parser").select("nav.main-menu > ul > li > a")]  # noqa: E731
    assert menu(cached_text(client, "/da/")) == ["Partnerskab med GIID", "Samarbejde med Lund"]
    lund.move(partnership, pos="left")
    assert menu(text(client, "/da/")) == ["Samarbejde med Lund", "Partnerskab med GIID"]


def test_delete_removes_the_page_and_its_listing_at_once(client, site_content):
    page = site_content.page("privacy-policy")
    url = page.url
    cached_text(client, url)
    assert "Privatlivspolitik" in cached_text(client, "/da/")
    page.delete()
    assert text(client, url) == "status 404"
    assert "Privatlivspolitik" not in text(client, "/da/")


def test_revert_shows_the_older_text_at_once(client, site_content):
    page = site_content.page("lund-collaboration")
    first = page.live_revision
    page.introduction = "En midlertidig tekst"
    page.save_revision().publish()
    assert "En midlertidig tekst" in cached_text(client, page.url)
    first.publish()
    body = text(client, page.url)
    assert "En midlertidig tekst" not in body and "udbytterigt samarbejde" in body


def test_a_synced_translation_shows_at_once_and_its_listing_too(client, site_content, django_capture_on_commit_callbacks):
    danish = site_content.page("giid-network")
    swedish_url = site_content.page("giid-network", "sv").url
    cached_text(client, swedish_url)
    cached_text(client, "/sv/")
    danish.title = "GIID-netværket i verden"
    danish.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(danish)
    # The title's segment waits for a translator; the Swedish page is republished from the sync.
    assert text(client, swedish_url) != "status 404"
    assert "GIID-netværket i verden" in text(client, "/da/")


# -- data pages show


def test_saving_a_district_updates_its_pages_at_once(client, site_content):
    network = site_content.page("giid-network")
    assert "Otaniemi" not in cached_text(client, network.url)
    district = District.objects.get(slug="ucity-square", locale__language_code="da")
    district.city = "Otaniemi"
    district.save()
    assert "Otaniemi" in text(client, network.url)
    assert "Otaniemi" in text(client, f"{network.url}ucity-square/")


def test_deleting_a_district_updates_its_pages_at_once(client, site_content):
    network = site_content.page("giid-network")
    assert "Technology Square" in cached_text(client, network.url)
    District.objects.filter(slug="technology-square").delete()
    assert "Technology Square" not in text(client, network.url)
    assert text(client, f"{network.url}technology-square/") == "status 404"


def test_saving_a_workshop_or_topic_updates_its_pages_at_once(client, site_content):
    workshops, partnership = site_content.page("giid-workshops").url, site_content.page("giid-partnership").url
    cached_text(client, workshops)
    cached_text(client, partnership)
    workshop = Workshop.objects.get(slug="investing-in-startups", locale__language_code="da")
    workshop.summary = "Et nyt resumé af sessionen"
    workshop.save()
    assert "Et nyt resumé af sessionen" in text(client, workshops)
    topic = Topic.objects.get(slug="talent", locale__language_code="da")
    topic.question = "Hvordan tiltrækker man de bedste?"
    topic.save()
    assert "Hvordan tiltrækker man de bedste?" in text(client, partnership)


def test_saving_the_footer_text_or_the_settings_updates_every_page_at_once(client, site_content):
    url = site_content.page("giid-network", "sv").url
    cached_text(client, url)
    footer = FooterText.objects.get(locale__language_code="sv")
    footer.text = "<p>En ny sidfot</p>"
    footer.save()
    assert "En ny sidfot" in cached_text(client, url)
    settings = OrganisationSettings.objects.get()
    settings.email = "ny@sciencecity.invalid"
    settings.save()
    assert "ny@sciencecity.invalid" in text(client, url)


def test_replacing_an_image_updates_the_pages_showing_it_at_once(client, site_content):
    from wagtail.images.tests.utils import get_test_image_file

    url = f"{site_content.page('giid-workshops').url}inclusive-innovation/"
    before = BeautifulSoup(cached_text(client, url), "html.parser").select_one("figure.graphic-recording img")["src"]
    image = Workshop.objects.get(slug="inclusive-innovation", locale__language_code="da").recordings.first().image
    image.file = get_test_image_file(filename="ny-tegning.png", size=(1600, 1000))
    image.save()
    # As the admin's image form does when a new file is uploaded.
    image.renditions.all().delete()
    after = BeautifulSoup(text(client, url), "html.parser").select_one("figure.graphic-recording img")["src"]
    assert after != before and "ny-tegning" in after


def test_a_page_from_the_cache_keeps_every_security_header(client, site_content):
    url = site_content.page("giid-partnership").url
    fresh = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(url)
    assert len(queries) == 0
    headers = (
        "Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Resource-Policy", "X-Frame-Options",
        "Referrer-Policy", "X-Content-Type-Options", "Cross-Origin-Opener-Policy",
    )
    assert {name: cached.get(name) for name in headers} == {name: fresh.get(name) for name in headers}
    assert "'unsafe-inline'" not in cached["Content-Security-Policy"].split("script-src")[-1].split(";")[0]


# -- time


def test_a_workshop_passing_from_upcoming_to_past_expires_its_pages_by_itself(client, site_content):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    workshop = Workshop.objects.create(
        title="Snart", slug="snart", locale=site_content.page("home").locale, starts_at=start,
        ends_at=start + datetime.timedelta(minutes=30), meeting_url="https://meet.example.org/snart",
    )
    url = f"{site_content.page('giid-workshops').url}snart/"
    with time_machine.travel(start, tick=False):
        assert "https://meet.example.org/snart" in cached_text(client, url)
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        assert "https://meet.example.org/snart" not in text(client, url)
    assert workshop.pk


# -- never cached


def test_signed_in_users_get_fresh_private_pages(client, site_content):
    url = site_content.page("lund-collaboration").url
    client.force_login(UserFactory())
    text(client, url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(queries) > 0
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_admin_and_previews_are_never_cached(client, site_content):
    from accounts.testing import force_verified_login

    force_verified_login(client, UserFactory(is_superuser=True))
    page = site_content.page("lund-collaboration")
    client.get(f"/admin/pages/{page.pk}/edit/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200 and len(queries) > 0
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_other_methods_and_unknown_query_strings_go_to_the_site(client, site_content):
    url = site_content.page("giid-network").url
    cached_text(client, url)
    assert client.post(url).status_code == 405
    for junk in ("?utm_source=x", "?country=IE&country=DK", "?q=" + "x" * 300):
        client.get(url + junk)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url + junk).status_code == 200
        assert len(queries) > 0, junk


def test_searches_and_filters_are_cached_in_a_normal_form(client, site_content):
    url = site_content.page("giid-network").url
    assert "Galway" in cached_text(client, url + "?country=IE&continent=europe")
    with CaptureQueriesContext(connection) as queries:
        client.get(url + "?continent=europe&country=IE")
    assert len(queries) == 0
    assert "Lund" in cached_text(client, "/da/soeg/?q=Lund")
    district = District.objects.get(slug="galway-city-innovation-district", locale__language_code="da")
    district.city = "Gaillimh"
    district.save()
    assert "Gaillimh" in text(client, url + "?country=IE&continent=europe")


def test_responses_that_set_cookies_are_never_cached(site_content):
    def view(request):
        response = HttpResponse("<p>hej</p>", content_type="text/html")
        response.set_cookie("smag", "chokolade")
        return response

    middleware = PageCacheMiddleware(view)
    request = RequestFactory().get("/da/med-cookie/")
    middleware(request)
    assert "private" in middleware(RequestFactory().get("/da/med-cookie/"))["Cache-Control"]
    calls = []
    middleware = PageCacheMiddleware(lambda request: calls.append(1) or view(request))
    middleware(RequestFactory().get("/da/med-cookie/"))
    middleware(RequestFactory().get("/da/med-cookie/"))
    assert len(calls) == 2


# -- headers


def test_public_pages_tell_downstream_caches_how_long_to_keep_them(client, site_content):
    response = client.get(site_content.page("giid-network", "sv").url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    assert any(part.startswith("s-maxage=") for part in cache_control)
    assert "stale-while-revalidate=60" in cache_control


def test_the_language_redirect_varies_by_accept_language(client, site_content):
    response = client.get("/", headers={"accept-language": "sv"})
    assert response.status_code == 302
    assert "Accept-Language" in response["Vary"]


# -- each process's own copy (with Redis)


def test_a_process_keeps_what_it_has_read_yet_sees_a_change_made_elsewhere_at_the_next_request(client, site_content, settings):
    from django.core.cache import caches

    from partnerships.models import PartnershipPage
    from sciencecity.cache import VERSION_KEY

    settings.CACHES = {**settings.CACHES, "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-local"}}
    page = site_content.page("giid-partnership")
    client.get(page.url)
    shared = caches["default"]
    version = shared.get(VERSION_KEY)
    shared.clear()
    shared.set(VERSION_KEY, version, None)
    # Everything but the version is gone from the shared cache: this process answers from its own copy.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    assert len(queries) == 0
    # Another process changes the page and starts a new content version, in the database and the shared cache only.
    PartnershipPage.objects.filter(pk=page.pk).update(introduction="Ændret af en anden proces")
    shared.incr(VERSION_KEY)
    assert "Ændret af en anden proces" in text(client, page.url)
    caches["local"].clear()
