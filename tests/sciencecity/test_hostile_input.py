"""Hostile input against every URL of the harness's list: never a 5xx, always a sensible answer.

Humans get a helpful page in their language; machines get a status that says what happened.
"""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import add_dated_workshops
from tests.site_urls import collect_site_urls

pytestmark = pytest.mark.django_db

QUERY_ATTACKS = {
    "malformed": "?=&&==;;%%%&q=%&page=%E0%A4%A",
    "negative page": "?page=-1",
    "absurd page": "?page=99999999999999999999999999",
    "non-numeric page": "?page=zwei",
    "unknown filters": "?country=ZZ&continent=atlantis&topic=no-such-topic&district=no-such-district&state=x&type=y",
    "10 kB search": "?q=" + "ø" * 5000,
    "non-UTF-8": "?q=%ff%fe%fd&country=%c3%28",
    "500 parameters": "?" + "&".join(f"p{number}={number}" for number in range(500)),
    "script": "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&country=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
}
PATH_ATTACKS = ["../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%ff%fe/", "%2e%2e/%2e%2e/sciencecity/settings/base.py"]
UNSAFE_METHODS = ["post", "put", "delete"]


@pytest.fixture
def site_urls(site_content):
    """Every URL the harness checks, with dated workshops so their calendar files are on the list too."""
    add_dated_workshops()
    return collect_site_urls()


def assert_helpful_html(response, language):
    """A page a person can read, in the language of the address, with a heading and a way on."""
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html is not None and html.html.get("lang") == (language or "da")
    assert html.h1 and html.h1.get_text(strip=True)
    assert html.select("a[href]")


def test_every_url_survives_hostile_query_strings(client, site_urls):
    for url in site_urls:
        for name, attack in QUERY_ATTACKS.items():
            response = client.get(url.path + attack, headers={"accept": "text/html"})
            assert response.status_code < 500, (url.path, name, response.status_code)
            assert response.status_code in (200, 404), (url.path, name, response.status_code)
            if url.kind == "html":
                assert_helpful_html(response, url.language)
                assert b"<script>alert(1)" not in response.content and b"<svg onload" not in response.content


def test_path_traversal_and_broken_paths_get_a_404(client, site_urls):
    for url in site_urls[:: max(1, len(site_urls) // 12)]:
        for attack in PATH_ATTACKS:
            response = client.get(url.path + attack)
            assert response.status_code in (301, 302, 404), (url.path, attack, response.status_code)
    for attack in ["/static/../../sciencecity/settings/base.py", "/static/..%2f..%2fmanage.py", "/media/../db.sqlite3"]:
        assert client.get(attack).status_code == 404, attack


def test_methods_public_pages_do_not_take_are_refused_politely(client, site_urls):
    for url in site_urls:
        head = client.head(url.path)
        assert head.status_code == url.status and head.content == b"", url.path
        options = client.options(url.path)
        assert options.status_code == 200 and "GET" in options["Allow"], url.path
        for method in UNSAFE_METHODS:
            response = getattr(client, method)(url.path, headers={"accept": "text/html"})
            assert response.status_code == 405, (method, url.path, response.status_code)
            assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
            assert_helpful_html(response, url.language)


@pytest.mark.parametrize(
    "language,text", [("da", "Siden kan læses"), ("sv", "Sidan kan läsas"), ("en", "The page can be read")]
)
def test_the_405_page_speaks_the_visitors_language(client, site_content, language, text):
    response = client.post(f"/{language}/")
    assert text in response.content.decode()
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language
