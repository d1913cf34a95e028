"""A page's rendered body is kept in the cache, yet never outlives content, time or language, and never a preview."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.rich_text import RichText

from workshops.models import Workshop

pytestmark = pytest.mark.django_db

BLOCK_TEMPLATE = "partnerships/blocks/latest_workshops.html"


def templates_used(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return {template.name for template in response.templates}


def latest_workshop_titles(client, url) -> list[str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    section = next(s for s in html.select("section.section") if s.select(".workshop-list"))
    return [a.get_text() for a in section.select(".workshop-item__title a")]


def test_a_second_visit_renders_no_block(client, site_content):
    url = site_content.page("giid-partnership").url
    assert BLOCK_TEMPLATE in templates_used(client, url)
    assert BLOCK_TEMPLATE not in templates_used(client, url)


def test_each_language_gets_its_own_body(client, site_content):
    danish, swedish = site_content.page("giid-partnership"), site_content.page("giid-partnership", "sv")
    client.get(danish.url)
    body = client.get(swedish.url).content.decode()
    assert "Brookings" in body
    assert "udveksling" not in body.lower() and "Läs mer om GIID" in body


def test_a_published_change_shows_at_once(client, site_content):
    page = site_content.page("giid-partnership")
    client.get(page.url)
    page.body.append(("text", RichText("<p>Et helt nyt afsnit</p>")))
    page.save_revision().publish()
    assert "Et helt nyt afsnit" in client.get(page.url).content.decode()


def test_a_workshop_ending_reorders_the_latest_workshops_by_itself(client, site_content):
    locale = site_content.page("home").locale
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    for title, starts in (("Snart", start), ("Senere", start + datetime.timedelta(days=2))):
        Workshop.objects.create(title=title, slug=title.lower(), locale=locale, starts_at=starts,
                                ends_at=starts + datetime.timedelta(minutes=30))
    url = site_content.page("giid-partnership").url
    with time_machine.travel(start, tick=False):
        assert latest_workshop_titles(client, url)[:2] == ["Snart", "Senere"]
        assert BLOCK_TEMPLATE not in templates_used(client, url)
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        assert latest_workshop_titles(client, url)[:2] == ["Senere", "Snart"]


def test_a_preview_shows_the_unsaved_body_not_the_cached_one(client, site_content):
    page = site_content.page("giid-partnership")
    client.get(page.url)
    page.body.append(("text", RichText("<p>Kun i forhåndsvisningen</p>")))
    preview = page.make_preview_request()
    assert "Kun i forhåndsvisningen" in preview.rendered_content
    assert "Kun i forhåndsvisningen" not in client.get(page.url).content.decode()
