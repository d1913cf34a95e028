"""Login throttling (django-axes) at /admin/login/: the lockout, its page in Danish and Swedish, reset on success."""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory

from accounts.throttling import client_ip
from editorial.roles import EDITORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-langt-kodeord-42"
LOGIN = "/admin/login/"


def attempt(client, username, password, language="da", address="192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password}, HTTP_ACCEPT_LANGUAGE=language, REMOTE_ADDR=address
    )


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("language", "heading", "try_again"),
    [
        ("da", "For mange mislykkede loginforsøg", "Du kan prøve igen om 15 minutter."),
        ("sv-SE,sv;q=0.9", "För många misslyckade inloggningsförsök", "Du kan försöka igen om 15 minuter."),
        ("en-GB,en;q=0.9", "Too many failed sign-in attempts", "You can try again in 15 minutes."),
    ],
)
def test_the_limit_of_failed_logins_locks_the_login_with_a_translated_page(client, language, heading, try_again):
    user = UserFactory(groups=[EDITORS])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.username, "wrong-password", language).status_code == 200

    locked = attempt(client, user.username, "wrong-password", language)
    assert locked.status_code == 429
    assert heading in text(locked)
    assert try_again in text(locked)
    html = locked.content.decode()
    assert f'<html lang="{language[:2]}">' in html
    assert "Account locked" not in html

    # The right password does not help while the lock lasts.
    assert attempt(client, user.username, PASSWORD, language).status_code == 429


def test_a_successful_login_before_the_limit_resets_the_count(client):
    user = UserFactory(groups=[EDITORS])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.username, "wrong-password").status_code == 200
    assert attempt(client, user.username, PASSWORD).status_code == 302
    client.post("/admin/logout/")

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.username, "wrong-password").status_code == 200
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_guessing_many_usernames_from_one_address_locks_that_address_only(client):
    user = UserFactory(groups=[EDITORS])
    for number in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, f"guess{number}", "wrong-password", address="198.51.100.7")
    assert response.status_code == 429
    assert attempt(client, user.username, PASSWORD, address="198.51.100.7").status_code == 429
    assert attempt(client, user.username, PASSWORD, address="192.0.2.99").status_code == 302


def test_the_lockout_settings(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address"]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_the_client_address_is_taken_from_our_own_proxies_only(settings):
    request = RequestFactory().get(LOGIN, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]  # the proxy in front (tests/accounts/test_trusted_proxies.py)
    settings.REVERSE_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.REVERSE_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.5", "the spoofed left-hand entry is ignored"
    settings.REVERSE_PROXY_COUNT = 2
    assert client_ip(request) == "6.6.6.6"
    settings.REVERSE_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2", "fewer entries than proxies: fall back to the direct peer"
