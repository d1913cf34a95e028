"""What search engines and social media read: sitemap, robots.txt, meta tags, Open Graph and JSON-LD."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def absolute(path):
    return f"http://testserver{path}"


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, site_content):
    entries = sitemap(client)
    for key in ("home", "giid-partnership", "giid-network", "lund-collaboration", "accessibility-statement"):
        urls = {code: absolute(site_content.page(key, code).url) for code in LANGUAGES}
        expected = {**urls, "x-default": urls[LANGUAGES[0]]}
        for url in urls.values():
            assert entries[url] == expected


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_sitemap_leaves_out_aliases_and_lists_untranslated_pages_without_alternates(client, site_content, language):
    from partnerships.models import CollaborationPage

    home = site_content.page("home")
    lonely = home.add_child(instance=CollaborationPage(title="Kun dansk", slug="kun-dansk", partner_name="X"))
    lonely.save_revision().publish()
    target_home = site_content.page("home", language)
    alias = lonely.create_alias(parent=target_home, update_locale=target_home.locale)

    entries = sitemap(client)
    assert entries[absolute(lonely.url)] == {"da": absolute(lonely.url), "x-default": absolute(lonely.url)}
    assert absolute(alias.url) not in entries
    assert all(absolute(alias.url) not in alternates.values() for alternates in entries.values())


def test_robots_txt_names_the_sitemap(client, site_content):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()
    assert "Disallow: /admin/" in response.content.decode()


def head(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").head


def meta(tag_soup, prop):
    found = tag_soup.select_one(f'meta[property="{prop}"], meta[name="{prop}"]')
    return found["content"] if found else None


def test_seo_title_and_description_fall_back_to_the_introduction(client, site_content):
    page = site_content.page("giid-network")
    tags = head(client, page.url)
    assert tags.title.get_text() == "GIID-netværket – Science City Lyngby"
    assert meta(tags, "description") == page.introduction

    page.seo_title = "GIID-netværket af innovationsdistrikter"
    page.search_description = "Mød innovationsdistrikterne i GIID-netværket."
    page.save_revision().publish()
    tags = head(client, page.url)
    assert tags.title.get_text().startswith("GIID-netværket af innovationsdistrikter")
    assert meta(tags, "description") == "Mød innovationsdistrikterne i GIID-netværket."


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_graph_and_twitter_tags_with_locales_and_a_rendition_image(client, site_content, language):
    page = site_content.page("giid-partnership", language)
    page.social_image = ImageFactory()
    page.save_revision().publish()

    tags = head(client, page.url)
    assert meta(tags, "og:title") == page.title
    assert meta(tags, "og:url") == absolute(page.url)
    assert meta(tags, "og:locale") == settings.SITE_LANGUAGES[language]["og_locale"]
    alternates = [tag["content"] for tag in tags.select('meta[property="og:locale:alternate"]')]
    assert alternates == [settings.SITE_LANGUAGES[code]["og_locale"] for code in LANGUAGES if code != language]
    image = meta(tags, "og:image")
    assert image.startswith("http://testserver/media/images/") and ".fill-1200x630" in image
    assert (meta(tags, "og:image:width"), meta(tags, "og:image:height")) == ("1200", "630")
    assert meta(tags, "twitter:card") == "summary_large_image"
    assert tags.select_one('link[rel="canonical"]')["href"] == absolute(page.url)


def json_ld(client, url):
    scripts = BeautifulSoup(client.get(url).content, "html.parser").select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def test_home_page_describes_the_organisation_in_json_ld(client, site_content):
    (organisation,) = [data for data in json_ld(client, "/da/") if data["@type"] == "Organization"]
    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == "Science City Lyngby"
    assert organisation["url"] == "http://testserver/da/"


@pytest.mark.parametrize("key", ["giid-partnership", "giid-network", "lund-collaboration", "privacy-policy"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_breadcrumbs_in_json_ld(client, site_content, key, language):
    page = site_content.page(key, language)
    (breadcrumbs,) = [data for data in json_ld(client, page.url) if data["@type"] == "BreadcrumbList"]
    items = breadcrumbs["itemListElement"]
    assert items[0]["item"] == absolute(f"/{language}/")
    assert items[-1] == {"@type": "ListItem", "position": len(items), "name": page.short_title, "item": absolute(page.url)}


def test_json_ld_cannot_be_broken_out_of_by_content(client, site_content):
    page = site_content.page("giid-network")
    page.menu_title = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in body
