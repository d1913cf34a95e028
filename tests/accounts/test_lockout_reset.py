"""A successful login resets only that user's own count, never the count of failures from the address."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from editorial.roles import ADMINISTRATORS, TRANSLATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-langt-kodeord-42"
LOGIN = "/admin/login/"
OFFICE = "192.0.2.44"


def attempt(client, username, password, address=OFFICE):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_colleagues_successful_login_does_not_reset_the_guessing_from_the_address(client):
    administrator = UserFactory(groups=[ADMINISTRATORS])
    translator = UserFactory(groups=[TRANSLATORS["sv"]])
    answers = []
    for _ in range(3):
        answers += [attempt(client, administrator.username, "wrong-password").status_code for _ in range(4)]
        answers.append(attempt(client, translator.username, PASSWORD).status_code)
        client.post("/admin/logout/")
    # The fifth failure from the address locks it, whoever signed in between.
    assert answers[:5] == [200, 200, 200, 200, 302]
    assert answers[5] == 429
    assert set(answers[5:]) == {429}


def test_a_successful_login_resets_only_the_users_own_count(client):
    administrator = UserFactory(groups=[ADMINISTRATORS])
    translator = UserFactory(groups=[TRANSLATORS["sv"]])
    for _ in range(2):
        attempt(client, administrator.username, "wrong-password")
    for _ in range(2):
        attempt(client, translator.username, "wrong-password")
    assert attempt(client, translator.username, PASSWORD).status_code == 302

    left = AccessAttempt.objects.filter(ip_address=OFFICE)
    assert list(left.values_list("username", "failures_since_start")) == [(administrator.username, 2)]
    client.post("/admin/logout/")
    # Two more failures from the address (four in all left on it), then the fifth locks it.
    assert attempt(client, "nobody", "wrong-password").status_code == 200
    assert attempt(client, "nobody", "wrong-password").status_code == 200
    assert attempt(client, translator.username, "wrong-password").status_code == 429


def test_failures_still_count_per_username_on_other_addresses(client):
    administrator = UserFactory(groups=[ADMINISTRATORS])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, administrator.username, "wrong-password")
    assert attempt(client, administrator.username, "wrong-password").status_code == 429
    assert attempt(client, administrator.username, PASSWORD, address="198.51.100.20").status_code == 302


def test_a_successful_login_from_one_address_leaves_the_guessing_from_another_counted(client):
    """Signing in at the office forgets the user's own slips there, never an attacker's guesses elsewhere."""
    administrator = UserFactory(groups=[ADMINISTRATORS])
    attacker = "203.0.113.77"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, administrator.username, "wrong-password", address=attacker).status_code == 200
    assert attempt(client, administrator.username, PASSWORD).status_code == 302
    client.post("/admin/logout/")

    assert AccessAttempt.objects.filter(username=administrator.username, ip_address=attacker).exists()
    # The attacker's next guess is the one that locks their address.
    assert attempt(client, administrator.username, "wrong-password", address=attacker).status_code == 429
