"""A private page is refused in every language and from every cache state, and no list of pages shows it.

Attacked from the outside, as an outside review did: the page's addresses and
its children's through the test client, with the cached chrome (menus and
addresses) built before the restriction and written back after it, as a
visitor's request that raced the change would; and every list of public pages
a visitor or the edge reads (menu, sitemap, search, the purge's addresses).
"""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from edge.purge import public_addresses
from navigation.chrome import chrome_key
from sciencecity.models import ContentVersion

pytestmark = pytest.mark.django_db

PASSWORD = "lyngby-hemmelighed"
LANGUAGES = ("da", "sv", "en")


def refused(client, url: str) -> bool:
    """Whether a visitor gets the password form, and nothing a cache in front may keep, instead of the page."""
    response = client.get(url)
    html = response.content.decode()
    cache_control = response.get("Cache-Control", "")
    return response.status_code == 200 and 'name="password"' in html and "public" not in cache_control


def served(client, url: str) -> bool:
    """Whether a visitor gets the page itself."""
    response = client.get(url)
    return response.status_code == 200 and 'name="password"' not in response.content.decode()


def cached_chromes() -> dict:
    """The chromes cached now, by site and language."""
    version = ContentVersion.current()
    keys = {(site_id, code): chrome_key(site_id, code, version)
            for site_id in Site.objects.values_list("pk", flat=True) for code in LANGUAGES}
    found = cache.get_many(keys.values())
    return {place: found[key] for place, key in keys.items() if key in found}


def write_stale(chromes: dict) -> None:
    """Write chromes built earlier as if they were built now, under the content version current now: the worst
    case, a rebuild that read the new version but the tree as it was before the change."""
    version = ContentVersion.current()
    cache.set_many({chrome_key(site_id, code, version): chrome for (site_id, code), chrome in chromes.items()})


def restrict(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)


@pytest.fixture(params=["database", pytest.param("redis", marks=pytest.mark.redis)])
def shared_cache(request, settings):
    """The shared cache on each backend production uses: a table of the database, and Redis."""
    if request.param == "redis":
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": settings.REDIS_URL}
    else:
        backend = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sciencecity_cache"}
    settings.CACHES = {**settings.CACHES, "default": {**backend, "KEY_FUNCTION": "sciencecity.cache.make_key"}}
    if request.param == "database":
        call_command("createcachetable", verbosity=0)  # absent where the suite runs on Redis
    cache.clear()
    yield request.param
    cache.clear()


@pytest.mark.parametrize("in_transaction", [False, True], ids=["saved-alone", "saved-in-a-transaction"])
def test_a_stale_chrome_written_after_a_restriction_never_makes_the_page_public(
    client, site_content, shared_cache, in_transaction, django_capture_on_commit_callbacks
):
    partnership = site_content.page("giid-partnership")
    children = [site_content.page("giid-network").url, f"{site_content.page('giid-network').url}ucity-square/",
                site_content.page("giid-workshops").url]
    assert served(client, partnership.url)
    # A visitor's request that read the tree before the restriction committed, and writes its chrome after.
    stale = cached_chromes()
    assert stale, "the chrome is cached"

    with django_capture_on_commit_callbacks(execute=True):
        if in_transaction:
            with transaction.atomic():
                restrict(partnership)
                write_stale(stale)  # written between the change in the transaction and the commit
                assert refused(client, partnership.url)
        else:
            restrict(partnership)
    write_stale(stale)  # written after the commit

    assert refused(client, partnership.url)
    for url in children:
        assert refused(client, url), url


def test_a_restriction_on_the_danish_page_reaches_every_translation_and_their_children(client, site_content):
    restrict(site_content.page("giid-partnership"))
    for language in LANGUAGES:
        network = site_content.page("giid-network", language)
        workshops = site_content.page("giid-workshops", language)
        for url in (site_content.page("giid-partnership", language).url, network.url, workshops.url,
                    f"{network.url}ucity-square/", f"{workshops.url}calendar/"):
            assert refused(client, url), url
    # Pages elsewhere stay public.
    assert served(client, site_content.page("lund-collaboration", "sv").url)


def test_a_restriction_on_a_danish_page_reaches_its_untranslated_aliases(client, site_content, django_capture_on_commit_callbacks):
    """A page nobody has translated yet is an alias of the Danish one in each translated tree: it holds the
    same text, so it asks for the same password."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from partnerships.models import CollaborationPage

    with django_capture_on_commit_callbacks(execute=True):
        danish = site_content.page("home").add_child(
            instance=CollaborationPage(title="Aalto", slug="aalto", partner_name="Aalto", introduction="Fortroligt om Aalto."))
        danish.save_revision().publish()
        # What the admin's "after create page" hook does for a page made there.
        create_aliases_for_new_page(danish)
    aliases = Page.objects.filter(alias_of=danish)
    assert {alias.locale.language_code for alias in aliases} == set(LANGUAGES) - {"da"}
    assert all(served(client, alias.url) for alias in aliases)
    restrict(danish)
    for alias in aliases:
        assert refused(client, alias.url), alias.url
        assert "Fortroligt om Aalto" not in client.get(alias.url).content.decode()


def test_a_restriction_on_a_translation_reaches_the_danish_page_too(client, site_content):
    restrict(site_content.page("lund-collaboration", "en"))
    for language in LANGUAGES:
        assert refused(client, site_content.page("lund-collaboration", language).url), language


def test_the_password_of_the_danish_page_opens_its_translation(client, site_content):
    restriction = restrict(site_content.page("giid-partnership"))
    swedish = site_content.page("giid-partnership", "sv")
    html = client.get(swedish.url).content.decode()
    action = re.search(r'action="([^"]+)"', html.split('name="password"')[0].rsplit("<form", 1)[1]).group(1)
    assert action == f"/sv/_util/authenticate_with_password/{restriction.pk}/{swedish.pk}/"
    response = client.post(action, {"password": PASSWORD, "return_url": swedish.url}, follow=True)
    assert response.redirect_chain[-1][0] == swedish.url
    assert 'name="password"' not in response.content.decode()


def public_lists(client, language: str) -> str:
    """What visitors and the edge are told is public: the menu and links of the home page, the sitemap,
    search results for the page's own words, and the addresses the purge names."""
    home = client.get(f"/{language}/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    search_path = {"da": "/da/soeg/", "sv": "/sv/sok/", "en": "/en/search/"}[language]
    search = client.get(search_path, {"q": "GIID"}).content.decode()
    return "\n".join([home, sitemap, search, *public_addresses()])


def test_no_list_of_public_pages_names_a_private_page_in_any_language(client, site_content):
    urls = {language: site_content.page("giid-partnership", language).url for language in LANGUAGES}
    before = {language: public_lists(client, language) for language in LANGUAGES}
    assert all(urls[language] in before[language] for language in LANGUAGES)

    restrict(site_content.page("giid-partnership"))
    for language in LANGUAGES:
        listed = public_lists(client, language)
        for url in urls.values():
            assert f'"{url}' not in listed and f"{url}<" not in listed and f"{url}\n" not in listed + "\n", (language, url)
        # Their children are private too.
        assert site_content.page("giid-network", language).url not in listed
        # What is still public is still listed.
        assert site_content.page("lund-collaboration", language).url in listed


def expire(page, when) -> None:
    """Give a live page an expiry date and publish it, as an editor does in its settings."""
    page.expire_at = when
    page.save_revision().publish()


def test_a_page_past_its_expiry_is_gone_before_the_scheduler_runs(client, site_content):
    lund = site_content.page("lund-collaboration")
    expire(lund, timezone.now() + datetime.timedelta(minutes=10))
    assert served(client, lund.url)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert Page.objects.get(pk=lund.pk).live, "publish_scheduled has not run"
        assert client.get(lund.url).status_code == 404
        # Its other languages and the pages around it are not affected.
        assert served(client, site_content.page("lund-collaboration", "sv").url)
        listed = public_lists(client, "da")
        assert lund.url not in listed
        assert site_content.page("giid-partnership").url in listed


def test_the_edge_keeps_no_page_beyond_the_next_expiry(client, site_content):
    expire(site_content.page("lund-collaboration"), timezone.now() + datetime.timedelta(minutes=10))
    for url in ("/da/", site_content.page("lund-collaboration").url, site_content.page("giid-partnership", "sv").url):
        cache_control = client.get(url)["Cache-Control"]
        seconds = int(re.search(r"s-maxage=(\d+)", cache_control).group(1))
        assert 0 < seconds <= 600, (url, cache_control)


def test_a_restriction_purges_every_language_version_from_the_edge(site_content, settings, monkeypatch,
                                                                   django_capture_on_commit_callbacks):
    """Even when the record of what the last purge named is gone (the cache was emptied)."""
    purged = []
    monkeypatch.setattr("edge.purge.purge", lambda backend, addresses: purged.extend(addresses))
    settings.WAGTAILFRONTENDCACHE = {"edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                                              "LOCATION": "http://127.0.0.1:9"}}
    with django_capture_on_commit_callbacks(execute=True):
        restrict(site_content.page("giid-partnership"))
    paths = {address.split("://", 1)[1].split("/", 1)[1] for address in purged}
    for language in LANGUAGES:
        for key in ("giid-partnership", "giid-network"):
            assert site_content.page(key, language).url.lstrip("/") in paths, (language, key)
