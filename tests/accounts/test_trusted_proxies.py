"""X-Forwarded-For names the visitor only when a trusted proxy sent it; anyone else is counted by their own address.

An outside review reached gunicorn directly, as the plain-server recipe allowed, and was never locked out:
each guess claimed another address in X-Forwarded-For. Login throttling (django-axes) and the page and
document password throttle read the same address (``accounts.throttling.client_ip``).
"""

import runpy

import pytest
from django.conf import settings
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from accounts.throttling import client_ip
from editorial.roles import EDITORS
from privacy.throttling import ATTEMPT_LIMIT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"


@pytest.fixture
def behind_the_edge(settings):
    """Production behind the nginx edge on the same machine: one proxy, trusted by its loopback address."""
    settings.REVERSE_PROXY_COUNT = 1


def spoofed(number: int) -> str:
    return f"198.51.100.{number + 1}"


def test_spoofed_addresses_from_a_visitor_do_not_escape_the_page_password_lockout(client, site_content, behind_the_edge):
    page = site_content.page("lund-collaboration")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD,
                                                     password="lyngby-hemmelighed")
    url = f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    answers = [
        client.post(url, {"password": f"gæt-{number}", "return_url": page.url},
                    REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=spoofed(number)).status_code
        for number in range(ATTEMPT_LIMIT + 3)
    ]
    assert answers == [200] * ATTEMPT_LIMIT + [429] * 3


def test_spoofed_addresses_from_a_visitor_do_not_escape_the_login_lockout(client, behind_the_edge):
    user = UserFactory(groups=[EDITORS])
    answers = [
        client.post("/admin/login/", {"username": user.username, "password": "forkert"},
                    REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=spoofed(number)).status_code
        for number in range(settings.AXES_FAILURE_LIMIT + 2)
    ]
    assert answers[-1] == 429
    assert answers.count(200) == settings.AXES_FAILURE_LIMIT - 1


def test_the_edge_still_tells_each_visitors_own_address(client, behind_the_edge):
    user = UserFactory(groups=[EDITORS])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": user.username, "password": "forkert"},
                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    locked = client.post("/admin/login/", {"username": user.username, "password": "forkert"},
                         REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429
    other = client.post("/admin/login/", {"username": "someone", "password": "forkert"},
                        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert other.status_code == 200, "another visitor through the same edge is not locked out"


def test_by_default_only_the_loopback_address_is_a_proxy():
    assert settings.TRUSTED_PROXIES == ["127.0.0.1", "::1"]


@pytest.mark.parametrize(
    ("trusted", "peer", "expected"),
    [
        (["127.0.0.1", "::1"], "127.0.0.1", "192.0.2.7"),
        (["127.0.0.1", "::1"], "::1", "192.0.2.7"),
        (["127.0.0.1", "::1"], "10.0.0.2", "10.0.0.2"),
        (["10.0.0.0/8"], "10.20.30.40", "192.0.2.7"),
        (["10.0.0.0/8"], "11.0.0.1", "11.0.0.1"),
        (["*"], "172.30.80.5", "192.0.2.7"),
        ([], "127.0.0.1", "127.0.0.1"),
    ],
)
def test_only_a_trusted_peer_may_name_the_client(settings, trusted, peer, expected):
    settings.REVERSE_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
    assert client_ip(request) == expected


def test_gunicorn_listens_on_the_loopback_address_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    assert runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))["bind"] == "127.0.0.1:8000"
    monkeypatch.setenv("HOST", "0.0.0.0")  # noqa: S104 - a container, reached over its own network
    assert runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))["bind"] == "0.0.0.0:8000"
