"""The W3C Nu HTML Checker on every public HTML URL: zero errors. Other URLs: status and content type."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

CONTENT_TYPES = {
    "html": "text/html",
    "xml": "application/xml",
    "text": "text/plain",
    "calendar": "text/calendar",
}


def fetch(url):
    """Status, content type and body of a GET, 4xx and 5xx included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own live server
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_nu_html_checker_finds_no_errors(live_site, site_urls, vnu_command, tmp_path):
    documents = {}
    for index, url in enumerate(url for url in site_urls if url.kind == "html"):
        status, content_type, body = fetch(live_site.url + url.path)
        assert (status, content_type) == (url.status, "text/html"), url.path
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(body)
        documents[str(path)] = url.path

    result = subprocess.run(
        [*vnu_command, "--format", "json", "--errors-only", *documents],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{documents.get(message.get('url', '').removeprefix('file:'), message.get('url'))}:"
        f"{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0


@pytest.mark.parametrize("kind", ["xml", "text", "calendar"])
def test_non_html_urls_answer_with_their_content_type(live_site, site_urls, kind):
    for url in (url for url in site_urls if url.kind == kind):
        status, content_type, _body = fetch(live_site.url + url.path)
        assert (status, content_type) == (url.status, CONTENT_TYPES[kind]), url.path
