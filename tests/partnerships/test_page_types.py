"""Page types: each can be created only where it fits, and renders its structured content."""

import pytest
from bs4 import BeautifulSoup
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from partnerships.models import CollaborationPage, HomePage, NetworkPage, PartnershipPage
from tests.conftest import sync_translations

pytestmark = pytest.mark.django_db

ALLOWED_PARENTS = {
    HomePage: {"root"},
    PartnershipPage: {"home"},
    NetworkPage: {"giid-partnership"},
    CollaborationPage: {"home"},
}


@pytest.fixture
def parents(site_content):
    return {
        "root": Page.get_first_root_node(),
        "home": site_content.page("home"),
        "giid-partnership": site_content.page("giid-partnership"),
        "giid-network": site_content.page("giid-network"),
        "lund-collaboration": site_content.page("lund-collaboration"),
    }


@pytest.mark.parametrize("model", ALLOWED_PARENTS, ids=lambda model: model.__name__)
def test_page_type_can_be_created_only_under_its_allowed_parents(parents, model):
    for name, parent in parents.items():
        assert model.can_exist_under(parent) == (name in ALLOWED_PARENTS[model]), (model.__name__, name)


@pytest.mark.parametrize("model", ALLOWED_PARENTS, ids=lambda model: model.__name__)
def test_page_type_declares_search_and_translatable_fields(model):
    field_names = {field.field_name for field in model.translatable_fields}
    assert {"title", "slug", "introduction"} <= field_names
    assert {field.field_name for field in model.search_fields} >= {"title", "introduction"}
    # Every field of text the page type itself adds is either translated or kept in step on purpose;
    # one left out of both would silently keep its Danish text on the Swedish page.
    own_text_fields = {
        field.name
        for field in model._meta.get_fields(include_parents=False)
        if isinstance(field, (models.CharField, models.TextField, StreamField, RichTextField)) and not field.auto_created
    }
    assert own_text_fields, "each page type adds fields of its own"
    assert own_text_fields <= field_names, own_text_fields - field_names


def test_home_page_features_the_partnership_network_and_collaboration(client, site_content):
    html = BeautifulSoup(client.get("/da/").content, "html.parser")
    titles = [link.get_text() for link in html.select(".card-list .card__title a")]
    assert titles == [
        "Partnerskab med Global Institute for Innovation Districts",
        "GIID-netværket",
        "Samarbejde med Lund / Future by Lund",
    ]
    hrefs = [link["href"] for link in html.select(".card-list .card__title a")]
    assert hrefs[0] == site_content.page("giid-partnership", "da").url


def test_home_page_cards_follow_a_published_change_and_leave_unpublished_pages_out(client, site_content):
    network = site_content.page("giid-network", "da")
    client.get("/da/")  # the cards are now cached
    network.title = "Netværket af innovationsdistrikter"
    network.save_revision().publish()
    titles = [link.get_text() for link in BeautifulSoup(client.get("/da/").content, "html.parser").select(".card__title a")]
    assert "Netværket af innovationsdistrikter" in titles
    site_content.page("lund-collaboration", "da").unpublish()
    titles = [link.get_text() for link in BeautifulSoup(client.get("/da/").content, "html.parser").select(".card__title a")]
    assert "Samarbejde med Lund / Future by Lund" not in titles


def test_network_page_has_its_directory_section(client, site_content):
    html = BeautifulSoup(client.get(site_content.page("giid-network", "sv").url).content, "html.parser")
    assert html.select_one("#directory-heading").get_text() == "Deltagare i GIID-nätverket"


@pytest.mark.parametrize("language", ["da", "sv"])
def test_collaboration_page_links_the_partners_article_only_once_its_address_is_filled_in(
    client, site_content, django_capture_on_commit_callbacks, language
):
    page = site_content.page("lund-collaboration", language)
    sentence = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".partner-article")
    assert sentence.a is None
    assert sentence.select_one('span[lang="en"]').get_text() == "Global Institute for Innovation Districts"

    danish = site_content.page("lund-collaboration", "da")
    danish.article_url = "https://futurebylund.se/artikel-om-giid"
    danish.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(danish)

    link = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".partner-article a")
    assert link["href"] == "https://futurebylund.se/artikel-om-giid"
    assert link["hreflang"] == "sv"
    assert link.get_text() == {"da": "her (på svensk)", "sv": "här"}[language]


def test_collaboration_page_names_the_partner_in_its_own_language(client, site_content):
    html = BeautifulSoup(client.get(site_content.page("lund-collaboration").url).content, "html.parser")
    partner = html.select_one(".facts dd[lang]")
    assert partner["lang"] == "en"
    assert partner.get_text(strip=True) == "Future by Lund"
    assert partner.a["hreflang"] == "sv"


@pytest.mark.parametrize(("language", "heading"), [("da", "I dette afsnit"), ("sv", "I det här avsnittet"), ("en", "In this section")])
def test_the_partnership_page_sets_its_sections_and_the_networks_map_beside_its_story(client, site_content, language, heading):
    partnership = site_content.page("giid-partnership", language)
    html = BeautifulSoup(client.get(partnership.url).content, "html.parser")
    aside = html.select_one(".layout--with-aside > aside.layout__aside")
    nav = aside.select_one("nav")
    assert nav.h2.get_text() == heading
    assert [a["href"] for a in nav.select("a")] == [site_content.page("giid-network", language).url,
                                                   site_content.page("giid-workshops", language).url]
    markers = aside.select("svg.world-map__svg a.world-map__marker")
    assert markers and all(a["href"].startswith(site_content.page("giid-network", language).url) for a in markers)
    # The story itself stays in the main column, at reading width.
    assert html.select_one(".layout--with-aside > .layout__main.page-body h2")
