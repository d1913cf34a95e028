"""The edge keeps one copy per page, under the name and path the purges use; and answers its own errors safely.

Findings 36.5 and 36.15: copies kept under a second host name or a
percent-encoded path were never purged; a long cacheable address answered 502;
nginx's own error pages carried no security headers. nginx runs the project's
configuration in front of a stand-in app whose every page may be kept.
"""

import itertools
from http.server import BaseHTTPRequestHandler

import pytest

from .edge import free_port, raw_get, running_edge

pytestmark = pytest.mark.nginx

SITE = "localhost"


class CacheableApp(BaseHTTPRequestHandler):
    """Answers every GET with a page the edge may keep, numbered, so a fresh answer differs from a kept one."""

    answers = itertools.count()

    def do_GET(self):  # noqa: N802 - http.server's naming
        body = f"{self.path} answer {next(self.answers)}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def edge(tmp_path):
    """The edge for the site "localhost", also called www.localhost, in front of the stand-in app."""
    with running_edge(tmp_path, handler=CacheableApp, SERVER_NAME=f"{SITE} www.{SITE}", PUBLIC_SCHEME="http") as (base, _media):
        yield base


def get(edge: str, path: str, host: str = SITE) -> tuple[int, dict, str]:
    status, headers, body = raw_get(edge, path, host=host)
    return status, headers, body.decode("utf-8", "replace")


def test_other_host_names_are_redirected_to_the_canonical_one(edge):
    for host in (f"www.{SITE}", "127.0.0.1"):
        status, headers, _body = get(edge, "/da/side/", host)
        assert status == 301, host
        assert headers["location"] == [f"http://{SITE}/da/side/"], host
    status, headers, _body = get(edge, "/da/side/", SITE)
    assert status == 200 and "location" not in headers


def test_the_health_check_answers_under_any_name(edge):
    """Load balancers probe by address."""
    assert get(edge, "/health/", "127.0.0.1")[0] == 200


def test_a_percent_encoded_path_is_the_same_copy_and_goes_with_the_purge(edge):
    first = get(edge, "/da/%73ec-parent/")
    assert first[0] == 200 and first[1]["x-cache-status"] == ["MISS"]
    plain = get(edge, "/da/sec-parent/")
    assert plain[1]["x-cache-status"] == ["HIT"] and plain[2] == first[2], "one page, one copy"
    assert raw_get(edge, "/da/sec-parent/", host=SITE, method="PURGE")[0] == 200
    again = get(edge, "/da/%73ec-parent/")
    assert again[1]["x-cache-status"] == ["MISS"] and again[2] != first[2], "the purge of the plain path took it"


def test_a_long_cacheable_address_is_served_and_kept(edge):
    path = "/da/" + "lang-adresse/" * 460  # about 6 KB, within the request line nginx accepts
    assert len(path) > 5900
    status, headers, _body = get(edge, path)
    assert status == 200, "the cache key must fit nginx's buffer"
    assert get(edge, path)[1]["x-cache-status"] == ["HIT"]


# The headers the app puts on everything it answers (sciencecity/security.py and the settings).
SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy",
                    "cross-origin-opener-policy", "cross-origin-resource-policy", "permissions-policy"]


def assert_safe_error(answer: tuple[int, dict, str], expected: int):
    """nginx's own error page: the status, the app's security headers once each, and a page that runs nothing."""
    status, headers, body = answer
    assert status == expected
    for name in SECURITY_HEADERS:
        assert len(headers.get(name, [])) == 1, f"{expected}: {name} {headers.get(name)}"
    assert "default-src 'none'" in headers["content-security-policy"][0]
    assert headers["server"] == ["nginx"], "no version"
    assert 'lang="da"' in body and "Siden kunne ikke vises" in body


def test_nginx_own_errors_carry_the_security_headers(edge):
    assert_safe_error(get(edge, "/da/" + "x" * 9000), 414)
    status, headers, body = raw_get(edge, "/da/", host=SITE, method="POST", headers={"Content-Length": str(30 * 1024 * 1024)})
    assert_safe_error((status, headers, body.decode()), 413)
    assert_safe_error(get(edge, "/da/", host="a/b"), 400)


def test_an_unreachable_app_gives_the_edge_error_page(tmp_path):
    with running_edge(tmp_path, upstream=f"127.0.0.1:{free_port()}", SERVER_NAME=SITE, PUBLIC_SCHEME="http") as (base, _media):
        assert_safe_error(get(base, "/da/"), 502)
