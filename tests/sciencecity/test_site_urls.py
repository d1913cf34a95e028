"""The swept URL list is complete: every page type, every route and every public URL is on it."""

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from tests.browser.states import ENROLLING, UNVERIFIED, VERIFIED, collect_states
from tests.conftest import add_dated_workshops
from tests.site_urls import NON_PAGE_URLS, NOT_SWEPT, collect_site_urls

pytestmark = pytest.mark.django_db

OUR_APPS = {"sciencecity", "partnerships", "districts", "workshops"}


def our_page_models():
    return [model for model in get_page_models() if model._meta.app_label in OUR_APPS]


def test_every_page_type_has_a_url_in_every_language(site_content):
    sources = {(url.source, url.language) for url in collect_site_urls()}
    for model in our_page_models():
        for language, _name in settings.LANGUAGES:
            assert (f"page:{model._meta.label}", language) in sources, f"no {language} URL for {model._meta.label}"


def test_every_route_of_every_routable_page_has_a_url(site_content):
    add_dated_workshops()
    sources = {url.source for url in collect_site_urls()}
    for model in our_page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        for pattern in model.get_subpage_urls():
            if str(pattern.pattern) in ("", "^$"):
                continue  # the page itself, covered above
            assert f"route:{model._meta.label}:{pattern.name}" in sources, f"no URL for {model._meta.label}:{pattern.name}"


def named_patterns(resolver=None, prefix=""):
    """Every named URL pattern of the URLconf, except the admin's."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            route = str(entry.pattern)
            if route.startswith("admin/"):
                continue
            yield from named_patterns(entry, prefix + route)
        elif isinstance(entry, URLPattern) and entry.name and not str(entry.pattern).startswith("admin/"):
            yield entry.name


def test_every_public_named_url_is_swept_or_excused():
    unknown = set(named_patterns()) - set(NON_PAGE_URLS) - set(NOT_SWEPT)
    assert not unknown, f"add these to NON_PAGE_URLS or NOT_SWEPT in tests/site_urls.py: {sorted(unknown)}"


def test_the_list_has_a_404_page_per_language(site_content):
    assert {(url.language, url.status) for url in collect_site_urls() if url.source == "404"} == {
        (code, 404) for code, _name in settings.LANGUAGES
    }


def test_the_browser_sweep_has_every_state_once_in_each_language(site_content):
    states = collect_states()
    ids = [state.id for state in states]
    assert len(ids) == len(set(ids)), "each state is its own test item, named apart"
    for language in ("da", "sv"):
        mine = [state for state in states if state.language == language]
        paths = " ".join(state.path for state in mine)
        for needed in ("?country=", "?topic=", "?page=2", "?q=", "_util/login/", "/admin/"):
            assert needed in paths, (language, needed)
        assert {404, 405, 500} <= {state.status for state in mine}, language
        assert {"password", "username"} <= {name for state in mine for name in state.submit}, language
        assert {ENROLLING, UNVERIFIED, VERIFIED} <= {state.signed_in for state in mine}, language
    assert any(state.shows == ".main__content[lang=da]" for state in states), "the Swedish alias of a Danish page"
