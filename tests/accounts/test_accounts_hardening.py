"""Sessions end after inactivity, password rules stay on, and the admin login shows no version numbers."""

import re

import django
import pytest
import wagtail
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_admin_sessions_end_after_a_few_idle_hours_and_with_the_browser():
    assert 60 * 60 <= settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_an_admin_login_gets_a_browser_session_cookie_that_expires_when_idle(client):
    from editorial.roles import EDITORS
    from tests.factories import UserFactory

    user = UserFactory(groups=[EDITORS])
    client.post("/admin/login/", {"username": user.username, "password": "et-godt-langt-kodeord-42"})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == "", "ends when the browser closes"
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    # Every request saves the session, so the idle time counts from the last one.
    assert client.get("/admin/").cookies[settings.SESSION_COOKIE_NAME].value


def test_password_validators_are_on():
    names = {validator["NAME"].rsplit(".", 1)[-1] for validator in settings.AUTH_PASSWORD_VALIDATORS}
    assert names >= {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }


def test_the_login_page_carries_no_version_hints(client):
    html = client.get("/admin/login/").content.decode()
    assert "?v=" not in html, "Wagtail's versioned static URLs are switched off"
    for version in {wagtail.__version__, django.get_version()}:
        assert version not in html
    assert not re.search(r'<meta name="generator"', html)


def test_public_pages_still_set_no_cookies(client, site_content):
    """Saving the session on every request must not start sessions for visitors."""
    response = client.get("/da/")
    assert response.status_code == 200
    assert not response.cookies
