"""Two-factor sign-in in the admin: enrolment, the code prompt, recovery codes, devices, and who must enrol."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from accounts.devices import new_recovery_codes
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-langt-kodeord-42"
ENROL = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"
RECOVERY = "/admin/two-factor/recovery-codes/"
DEVICES = "/admin/two-factor/"


@pytest.fixture(autouse=True)
def _no_wait_between_codes(settings):
    """django-otp makes you wait a second after a wrong code; the tests that do not test that skip the wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def sign_in(client, user, language="da"):
    """The password step, through Wagtail's login form."""
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 302, response.content[:500]
    return response


def fresh_code(device: TOTPDevice) -> str:
    """What the user's authenticator app shows now, or at the next step if this one was used already."""
    device.refresh_from_db()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = time.time()
    if generator.t() <= device.last_t:
        generator.time += device.step * (device.last_t - generator.t() + 1)
    return f"{generator.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {fresh_code(device)}
    return next(code for code in ("123456", "654321", "111111") if code not in right)


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def text(response) -> str:
    """The response's text with tags and runs of white space removed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).replace("\xa0", " ")


def manual_key(response) -> bytes:
    """The setup key as the page shows it, decoded the way an authenticator app does."""
    shown = re.search(r'id="manual-key">([^<]+)<', response.content.decode()).group(1)
    key = shown.replace(" ", "").upper()
    return b32decode(key + "=" * (-len(key) % 8))


def test_an_approver_enrols_with_a_code_from_the_app_and_gets_recovery_codes(client):
    user = UserFactory(groups=[APPROVERS])
    sign_in(client, user)
    assert client.get("/admin/")["Location"] == ENROL

    page = client.get(ENROL, HTTP_ACCEPT_LANGUAGE="da")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg role="img"' in html and "<title>QR-kode til din godkendelsesapp</title>" in html
    assert "<img" not in html and "data:" not in html
    assert re.search(r"<svg role=\"img\" viewBox=\"0 0 \d+ \d+\"", html), "scales to narrow screens"
    key = manual_key(page)
    assert re.fullmatch(r"(\w{4} )+\w{4}", re.search(r'id="manual-key">([^<]+)<', html).group(1))

    refused = client.post(ENROL, {"code": "000000" if totp(key) != 0 else "111111"}, HTTP_ACCEPT_LANGUAGE="da")
    assert refused.status_code == 200
    assert "Koden er forkert" in text(refused)
    assert 'aria-describedby="id_code_error"' in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    confirmed = client.post(ENROL, {"code": f"{totp(key):06d}"})
    assert confirmed["Location"] == RECOVERY
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1

    codes_page = client.get(RECOVERY, HTTP_ACCEPT_LANGUAGE="da")
    shown = re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", codes_page.content.decode())
    assert len(shown) == 10
    assert sorted(code.replace("-", "") for code in shown) == sorted(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    assert "Koderne vises kun denne ene gang" in text(codes_page)
    again = client.get(RECOVERY, HTTP_ACCEPT_LANGUAGE="da")
    assert "<code>" not in again.content.decode(), "codes are shown once only"
    assert "Ubrugte gendannelseskoder: 10." in text(again)

    assert client.get("/admin/").status_code == 200


def test_after_the_password_a_user_with_a_device_must_enter_a_code(client):
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    sign_in(client, user)
    assert client.get("/admin/pages/")["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    prompt = client.get(VERIFY, HTTP_ACCEPT_LANGUAGE="da")
    html = prompt.content.decode()
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    refused = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert refused.status_code == 200
    assert "Koden stämmer inte" in text(refused)
    assert client.get("/admin/").status_code == 302

    accepted = client.post(VERIFY, {"code": fresh_code(device), "next": "/admin/pages/"})
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(client):
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    code = fresh_code(device)
    sign_in(client, user)
    assert client.post(VERIFY, {"code": code})["Location"] == "/admin/"
    client.post("/admin/logout/")
    sign_in(client, user)
    replayed = client.post(VERIFY, {"code": code}, HTTP_ACCEPT_LANGUAGE="da")
    assert replayed.status_code == 200 and "Koden er forkert" in text(replayed)


def test_wrong_codes_in_a_row_make_the_user_wait(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 10
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    sign_in(client, user)
    first = client.post(VERIFY, {"code": wrong_code(device)}, HTTP_ACCEPT_LANGUAGE="da")
    assert "Koden er forkert" in text(first)
    # Straight after, even the right code is not tried.
    waiting = client.post(VERIFY, {"code": fresh_code(device)}, HTTP_ACCEPT_LANGUAGE="da")
    assert "For mange forkerte koder i træk" in text(waiting)
    assert client.get("/admin/").status_code == 302


def test_a_malformed_code_is_explained(client):
    user = UserFactory(groups=[EDITORS])
    confirmed_device(user)
    sign_in(client, user)
    response = client.post(VERIFY, {"code": "12ab"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Koden består av sex siffror" in text(response)


def test_recovery_codes_work_once_each(client):
    user = UserFactory(groups=[APPROVERS])
    confirmed_device(user)
    first, second, *_rest = new_recovery_codes(user)

    sign_in(client, user)
    # Typed the way the page shows it, in capitals: still accepted.
    used = client.post(VERIFY, {"recovery_code": f"{first[:4]}-{first[4:]}".upper()})
    assert used["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")

    sign_in(client, user)
    again = client.post(VERIFY, {"recovery_code": first}, HTTP_ACCEPT_LANGUAGE="da")
    assert again.status_code == 200
    assert "Gendannelseskoden er forkert, eller den er allerede brugt" in text(again)
    assert 'aria-describedby="id_recovery_code_error"' in again.content.decode()
    assert client.post(VERIFY, {"recovery_code": second})["Location"] == "/admin/"
    assert StaticToken.objects.filter(device__user=user).count() == 8


@pytest.mark.parametrize("role", [APPROVERS, ADMINISTRATORS, "superuser"])
def test_approvers_administrators_and_superusers_without_a_device_are_sent_to_enrol(client, role):
    user = UserFactory(is_superuser=True) if role == "superuser" else UserFactory(groups=[role])
    sign_in(client, user)
    for path in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/account/", DEVICES, RECOVERY, VERIFY]:
        response = client.get(path, follow=True)
        assert response.redirect_chain[-1][0] == ENROL, path
        assert response.status_code == 200
    assert "Din rolle giver dig lov til at udgive" in text(client.get(ENROL, HTTP_ACCEPT_LANGUAGE="da"))
    assert client.post("/admin/logout/")["Location"] == "/admin/login/"


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS["sv"]])
def test_editors_and_translators_without_a_device_are_not_bothered(client, role):
    user = UserFactory(groups=[role])
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/", follow=True).status_code == 200
    assert client.get(DEVICES, HTTP_ACCEPT_LANGUAGE="da").status_code == 200


def test_a_required_user_stays_out_until_the_new_device_is_confirmed(client):
    user = UserFactory(groups=[ADMINISTRATORS])
    sign_in(client, user)
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=user, confirmed=False).count() == 1
    assert client.get("/admin/")["Location"] == ENROL
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=user).count() == 1, "reloading the page keeps the same key"


def test_without_the_code_the_two_factor_settings_cannot_be_changed(client):
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    sign_in(client, user)
    for path in [ENROL, DEVICES, RECOVERY]:
        assert client.get(path)["Location"].startswith(VERIFY), path
    client.post(f"/admin/two-factor/authenticators/{device.pk}/remove/")
    client.post(RECOVERY)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_users_see_and_remove_their_devices(client):
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    new_recovery_codes(user)
    sign_in(client, user)
    client.post(VERIFY, {"code": fresh_code(device)})

    overview = client.get(DEVICES, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Autentiseringsapp, tillagd" in text(overview)
    assert "Oanvända återställningskoder: 10." in text(overview)
    removed = client.post(
        f"/admin/two-factor/authenticators/{device.pk}/remove/", follow=True, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert "Autentiseringsappen har tagits bort." in text(removed)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists(), "recovery codes go with the last app"
    assert client.get("/admin/").status_code == 200


def test_adding_a_second_app_keeps_the_saved_recovery_codes(client):
    user = UserFactory(groups=[APPROVERS])
    first = confirmed_device(user)
    saved = new_recovery_codes(user)
    sign_in(client, user)
    client.post(VERIFY, {"code": fresh_code(first)})

    key = manual_key(client.get(ENROL))
    added = client.post(ENROL, {"code": f"{totp(key):06d}"}, follow=True, HTTP_ACCEPT_LANGUAGE="da")
    assert added.redirect_chain[-1][0] == DEVICES
    assert "Godkendelsesappen er tilføjet." in text(added)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 2
    assert sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == sorted(saved)


def test_another_users_device_cannot_be_removed(client):
    user, other = UserFactory(groups=[EDITORS]), UserFactory(groups=[EDITORS])
    theirs = confirmed_device(other)
    sign_in(client, user)
    client.post(f"/admin/two-factor/authenticators/{theirs.pk}/remove/")
    assert TOTPDevice.objects.filter(pk=theirs.pk).exists()


def test_recovery_codes_can_be_renewed_and_downloaded(client):
    user = UserFactory(groups=[APPROVERS])
    device = confirmed_device(user)
    old = new_recovery_codes(user)
    sign_in(client, user)
    client.post(VERIFY, {"code": fresh_code(device)})

    assert client.post(RECOVERY)["Location"] == RECOVERY
    page = client.get(RECOVERY).content.decode()
    shown = re.findall(r'<input type="hidden" name="code" value="([a-z2-7-]+)">', page)
    assert len(shown) == 10 and not {code.replace("-", "") for code in shown} & set(old)

    download = client.post("/admin/two-factor/recovery-codes/download/", {"code": shown}, HTTP_ACCEPT_LANGUAGE="da")
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"].startswith("attachment;")
    body = download.content.decode()
    assert all(code in body for code in shown) and "Hver kode virker én gang" in body

    made_up = client.post("/admin/two-factor/recovery-codes/download/", {"code": ["aaaa-bbbb"]})
    assert made_up.status_code == 302 and b"aaaa" not in made_up.content


def test_the_account_page_links_to_two_factor_sign_in(client):
    user = UserFactory(groups=[EDITORS])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "da"})
    sign_in(client, user)
    page = client.get("/admin/account/").content.decode()
    assert f'href="{DEVICES}"' in page
    assert "Totrinslogin" in page


@pytest.mark.parametrize(
    ("preferred", "accept", "expected", "lang"),
    [
        ("", "da", "Indtast din kode", "da"),
        ("", "sv-SE,sv;q=0.9", "Ange din kod", "sv"),
        ("sv", "da", "Ange din kod", "sv"),
        ("", "en-GB,en;q=0.9", "Enter your code", "en"),
        ("en", "da", "Enter your code", "en"),
    ],
)
def test_the_screens_speak_the_users_admin_language_or_the_browsers(client, preferred, accept, expected, lang):
    user = UserFactory(groups=[EDITORS])
    confirmed_device(user)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": preferred})
    sign_in(client, user)
    page = client.get(VERIFY, HTTP_ACCEPT_LANGUAGE=accept)
    assert f"<h1>{expected}</h1>" in page.content.decode()
    assert f'<html lang="{lang}">' in page.content.decode()


def test_next_cannot_send_the_user_off_site(client):
    user = UserFactory(groups=[EDITORS])
    device = confirmed_device(user)
    sign_in(client, user)
    response = client.post(VERIFY, {"code": fresh_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_joining_the_approvers_brings_the_requirement_at_the_next_request(client):
    """Joining the approvers later brings the requirement with it at the next request."""
    user = UserFactory(groups=[EDITORS])
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200
    user.groups.add(Group.objects.get(name=APPROVERS))
    assert client.get("/admin/")["Location"] == ENROL


def test_the_test_helper_signs_in_with_a_verified_second_factor(client):
    from accounts.testing import force_verified_login

    user = UserFactory(groups=[APPROVERS])
    force_verified_login(client, user)
    assert client.get("/admin/").status_code == 200


def test_enrolment_can_be_made_optional_on_a_developers_machine(client, settings, site_content):
    """dev.py turns the requirement off; anyone may still enrol, and production always requires it."""
    from tests.factories import UserFactory

    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/admin/").status_code == 200
