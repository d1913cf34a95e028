"""The reference deployment's edge tells the app the visitor's real address, and nothing a visitor made up."""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory

from accounts.throttling import client_ip

from .edge import raw_get, running_edge

REPO = settings.BASE_DIR
COMPOSE = (REPO / "deploy" / "docker" / "compose.yaml").read_text()
ENV_EXAMPLE = (REPO / "deploy" / "docker" / "env.example").read_text()


def forwarded(body: bytes) -> dict[str, str]:
    """The forwarding headers the stand-in app received."""
    return dict(line.split(": ", 1) for line in body.decode().splitlines())


def address_the_app_counts(body: bytes) -> str:
    """The address login throttling counts for the request the app received (REVERSE_PROXY_COUNT=1)."""
    request = RequestFactory().get("/admin/login/", REMOTE_ADDR="172.30.80.5",
                                   HTTP_X_FORWARDED_FOR=forwarded(body)["X-Forwarded-For"])
    return client_ip(request)


@pytest.fixture
def one_proxy(settings):
    """The app counts one proxy, the edge, and trusts whoever reaches it (FORWARDED_ALLOW_IPS="*"), as the
    reference deployment says: only the edge can, on the stack's internal network."""
    settings.REVERSE_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["*"]


def test_a_visitor_straight_at_the_edge_cannot_spoof_the_address(tmp_path, one_proxy):
    with running_edge(tmp_path) as (base, _media):
        seen = set()
        for spoof in ("6.6.6.6", "6.6.6.7, 6.6.6.8", "unknown"):
            status, _headers, body = raw_get(base, "/admin/login/", {"X-Forwarded-For": spoof})
            assert status == 200
            assert forwarded(body)["X-Forwarded-For"] == "127.0.0.1"
            assert forwarded(body)["X-Real-IP"] == "127.0.0.1"
            seen.add(address_the_app_counts(body))
    assert seen == {"127.0.0.1"}


def test_behind_a_trusted_load_balancer_each_visitor_keeps_their_own_address(tmp_path, one_proxy):
    # 127.0.0.2 plays the load balancer: it appended the visitor's address to what the visitor sent.
    with running_edge(tmp_path, TRUSTED_PROXIES="127.0.0.2/32, 10.9.0.0/16") as (base, _media):
        for visitor in ("203.0.113.9", "198.51.100.4"):
            _status, _headers, body = raw_get(base, "/", {"X-Forwarded-For": f"6.6.6.6, {visitor}"}, source="127.0.0.2")
            assert forwarded(body)["X-Forwarded-For"] == visitor
            assert address_the_app_counts(body) == visitor
        # A chain of trusted proxies is walked from the right to the first untrusted address.
        _status, _headers, body = raw_get(base, "/", {"X-Forwarded-For": "6.6.6.6, 203.0.113.9, 10.9.1.1"}, source="127.0.0.2")
        assert forwarded(body)["X-Forwarded-For"] == "203.0.113.9"
        # Anyone else's header is ignored: 127.0.0.1 is not a trusted proxy.
        _status, _headers, body = raw_get(base, "/", {"X-Forwarded-For": "203.0.113.9"}, source="127.0.0.1")
        assert forwarded(body)["X-Forwarded-For"] == "127.0.0.1"


def test_the_reference_deployment_counts_one_proxy_and_passes_the_trusted_ranges_to_the_edge():
    assert re.search(r'^  REVERSE_PROXY_COUNT: "1"$', COMPOSE, re.M), "the app must count exactly the edge"
    assert re.search(r'^      FORWARDED_ALLOW_IPS: "\*"$', COMPOSE, re.M), "the app trusts the edge, its only caller"
    assert "REVERSE_PROXY_COUNT" not in ENV_EXAMPLE
    edge = re.search(r"^  edge:\n(.*?)^  \S", COMPOSE, re.S | re.M).group(1)
    assert re.search(r"TRUSTED_PROXIES: \$\{TRUSTED_PROXIES:-\}", edge)
    assert re.search(r"^TRUSTED_PROXIES=", ENV_EXAMPLE, re.M)


def test_the_readme_says_how_to_trust_a_load_balancer_or_cdn():
    readme = (REPO / "README.md").read_text() + (REPO / "deploy" / "README.md").read_text()
    assert "TRUSTED_PROXIES" in readme
