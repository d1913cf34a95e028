"""The W3C Nu HTML Checker on every swept state's document: zero errors, one test item each. Other URLs: status and content type.

The documents are fetched by the browser as each state is reached (a form sent,
a POST, a signed-in screen of ours): the very documents the sweep's 1280 px items
received (test_accessibility.py, through ``swept_documents``), or, for a state not
swept in this session, a load of its own. They are checked in one run of the
checker per module; each state's item then reports only its own errors.
"""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from .conftest import DESKTOP, reach

CONTENT_TYPES = {
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


def load_document(chromium, origin, state, data):
    """Reach the state in a fresh 1280 px tab, as the sweep does: (status, content type, body)."""
    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    try:
        response = reach(context.new_page(), origin, state, data)
        return response.status, response.headers.get("content-type", ""), response.body()
    finally:
        context.close()


@pytest.fixture(scope="module")
def checked_documents(request, chromium, live_site, sweep_data, vnu_command, swept_documents, tmp_path_factory,
                      django_db_blocker):
    """Each selected state's id -> (status, content type, the checker's errors), or the error reaching it.

    A state the sweep has already loaded at 1280 px (test_accessibility.py) is checked in the document it
    received then; any other is loaded here the same way.
    """
    selected = [item.callspec.params["state"] for item in request.session.items
                if item.module is request.module and hasattr(item, "callspec") and "state" in item.callspec.params]
    folder = tmp_path_factory.mktemp("documents")
    answers, paths = {}, {}
    with django_db_blocker.unblock():
        for index, state in enumerate(selected):
            try:
                status, content_type, body = swept_documents.get(state.id) or load_document(
                    chromium, live_site.url, state, sweep_data)
                path = folder / f"document-{index}.html"
                path.write_bytes(body)
                paths[str(path)] = state.id
                answers[state.id] = (status, content_type, [])
            except Exception as error:  # noqa: BLE001 - reported by the state's own item
                answers[state.id] = error
    if not paths:
        return answers
    result = subprocess.run(
        [*vnu_command, "--format", "json", "--errors-only", *paths],
        capture_output=True,
        text=True,
        timeout=600,
    )
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message["type"] in ("error", "non-document-error"):
            state_id = paths.get(message.get("url", "").removeprefix("file:"))
            answers.setdefault(state_id, (None, "", []))[2].append(f"line {message.get('lastLine')}: {message['message']}")
    return answers


def test_nu_html_checker_finds_no_errors(checked_documents, state):
    answer = checked_documents[state.id]
    if isinstance(answer, Exception):
        raise answer
    status, content_type, errors = answer
    assert (status, content_type.split(";")[0]) == (state.status, "text/html")
    assert errors == [], "\n".join(errors)


def test_other_urls_answer_with_their_status_and_content_type(live_site, other_url):
    status, content_type, _body = fetch(live_site.url + other_url.path)
    assert (status, content_type) == (other_url.status, CONTENT_TYPES[other_url.kind])
