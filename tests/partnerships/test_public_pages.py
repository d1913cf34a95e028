"""Every public page, in every language, reads as finished: the in-process sweep of what visitors read.

Each page of the site (every address ``tests/site_urls.py`` collects: pages,
their routes, search, the 404 page), and every value each filter form offers,
is rendered through the Django test client and read as HTML. No heading may
stand without content under it, no link may lack a target, no sentence may say
that something is "not set" or "being prepared", and no filter may offer a
value that shows nothing. The browser sweep (tests/browser) checks the same
pages with axe and the Nu checker; this one reads what they say, cheaply.
"""

import re
from functools import cache
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from django.conf import settings
from django.test import Client

from tests.site_urls import collect_site_urls

pytestmark = pytest.mark.django_db

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What a heading's section ends at: its nearest sectioning ancestor.
SECTIONS = ("section", "article", "aside", "nav", "main", "footer", "figure", "body")
# Content that is not text.
EMBEDDED = ("img", "picture", "svg", "select", "input", "button", "iframe", "video", "audio", "table")
# Wording of something unfinished or undated, in any of the site's languages.
UNFINISHED = re.compile(
    r"not set|not recorded|being prepared|placeholder|"
    r"ikke fastsat|ikke oplyst|under forberedelse|pladsholder|"
    r"inte fastställt|datum saknas|förbereds|platshållare",
    re.IGNORECASE,
)
# Claims of meetings to come, which the organisation's page never makes.
COMING = re.compile(r"kommende møder|kommande möten|upcoming meetings|mødes hver måned|möts varje månad|meet online every month",
                    re.IGNORECASE)
# What each filterable listing shows as its results.
RESULTS = ".district-card, .workshop-item"


@cache
def rendered_site() -> dict[str, tuple[str | None, str]]:
    """Every public HTML page as (language, HTML), by address; the seeded content is the same in every test."""
    client = Client()
    pages = {}
    for url in collect_site_urls():
        if url.kind != "html":
            continue
        response = client.get(url.path)
        assert response.status_code == url.status, url.path
        pages[url.path] = (url.language, response.content.decode())
    return pages


def headings_without_content(html: BeautifulSoup) -> list[str]:
    """Headings followed by nothing before the next heading of the same or a higher rank, or their section's end."""
    empty = []
    for heading in html.find_all(HEADINGS):
        level = int(heading.name[1])
        section = heading.find_parent(SECTIONS)
        inside = set(map(id, heading.descendants))
        has_content = False
        for node in heading.next_elements:
            if id(node) in inside:
                continue
            if section is not None and section not in node.parents and node is not section:
                break
            if isinstance(node, Tag):
                if node.name in HEADINGS:
                    has_content = int(node.name[1]) > level
                    break
                if node.name in EMBEDDED:
                    has_content = True
                    break
            elif isinstance(node, NavigableString) and node.strip() and node.parent.name not in ("script", "style"):
                has_content = True
                break
        if not has_content:
            empty.append(heading.get_text(" ", strip=True))
    return empty


def links_without_target(html: BeautifulSoup) -> list[str]:
    """Links that lead nowhere: no href, an empty one, or a bare "#"."""
    return [str(link)[:120] for link in html.find_all("a") if (link.get("href") or "").strip() in ("", "#")]


def visible_text(html: BeautifulSoup) -> str:
    """The page's text as a reader meets it (scripts and styles left out)."""
    for hidden in html(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(html.get_text(" ").split())


def test_the_sweep_reaches_every_kind_of_page_in_every_language(site_content):
    pages = rendered_site()
    for language, _name in settings.LANGUAGES:
        paths = [path for path, (page_language, _html) in pages.items() if page_language == language]
        assert any(path.endswith("/inclusive-innovation/") for path in paths), language
        assert any(path.endswith("/science-city-lyngby/") for path in paths), language
        assert len(paths) >= 25, (language, len(paths))


def test_no_page_has_a_heading_without_content_or_a_link_without_a_target(site_content):
    problems = []
    for path, (_language, page) in rendered_site().items():
        html = BeautifulSoup(page, "html.parser")
        problems += [f"{path}: heading without content: {text!r}" for text in headings_without_content(html)]
        problems += [f"{path}: link without a target: {link}" for link in links_without_target(html)]
    assert problems == []


def test_no_page_says_something_is_unset_or_promises_meetings_to_come(site_content):
    problems = []
    for path, (_language, page) in rendered_site().items():
        text = visible_text(BeautifulSoup(page, "html.parser"))
        problems += [f"{path}: {match.group(0)!r}" for match in UNFINISHED.finditer(text)]
        problems += [f"{path}: {match.group(0)!r}" for match in COMING.finditer(text)]
    assert problems == []


def test_every_filter_value_offered_has_results(client, site_content):
    problems, offered = [], 0
    for path, (_language, page) in rendered_site().items():
        if "?" in path:
            continue
        for form in BeautifulSoup(page, "html.parser").select("form.directory-filters"):
            for select in form.select("select"):
                for option in select.select("option"):
                    if not option.get("value"):
                        continue
                    offered += 1
                    url = f"{form['action']}?{urlencode({select['name']: option['value']})}"
                    shown = BeautifulSoup(client.get(url).content, "html.parser").select(RESULTS)
                    if not shown:
                        problems.append(f"{path}: {select['name']}={option['value']} shows nothing")
    assert offered, "the directory and the workshops offer filters"
    assert problems == []


def test_a_heading_with_nothing_under_it_is_found():
    """The check itself: a heading followed only by another of its rank, or by its section's end, is empty."""
    html = BeautifulSoup(
        "<main><section><h2>Empty</h2></section><section><h2>Full</h2><p>Text</p><h2>Last</h2></section>"
        "<section><h2>Parent</h2><h3>Child</h3><ul><li>item</li></ul></section></main>",
        "html.parser",
    )
    assert headings_without_content(html) == ["Empty", "Last"]
