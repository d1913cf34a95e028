"""Two-factor sign-in in a real browser: an approver enrols, signs out, and signs in again with a code.

Every screen of ours on the way (set-up, its error state, recovery codes,
devices, the code prompt and its error state, the lockout page) is checked
with axe-core and the Nu HTML Checker, in Danish and in Swedish.
"""

import json
import re
import subprocess
import time
from base64 import b32decode

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from editorial.roles import APPROVERS
from tests.factories import UserFactory

from .conftest import DESKTOP, PHONE
from .test_accessibility import RUN_AXE, WCAG_TAGS, describe

pytestmark = pytest.mark.usefixtures("live_site")

PASSWORD = "et-godt-langt-kodeord-42"
LANGUAGES = {
    "da": {
        "locale": "da-DK",
        "enrol": "Opsæt totrinslogin",
        "codes": "Gendannelseskoder",
        "verify": "Indtast din kode",
        "wrong": "Koden er forkert. Tjek, at uret på din telefon går rigtigt, og prøv den nyeste kode.",
    },
    "sv": {
        "locale": "sv-SE",
        "enrol": "Konfigurera tvåstegsinloggning",
        "codes": "Återställningskoder",
        "verify": "Ange din kod",
        "wrong": "Koden stämmer inte. Kontrollera att klockan i din telefon går rätt och prova den senaste koden.",
    },
}


class ScreenCheck:
    """Runs axe on each screen as the browser shows it, and keeps its HTML for the Nu HTML Checker."""

    def __init__(self, page, axe_source, language):
        self.page, self.axe_source, self.language = page, axe_source, language
        self.documents: dict[str, str] = {}
        self.failures: dict[str, object] = {}

    def __call__(self, name: str, response) -> None:
        assert response is not None and response.status in (200, 429), name
        html = response.text()
        self.documents[name] = html
        assert f'<html lang="{self.language}">' in html, name
        inline = "<script" in html or " style=" in html or "<style" in html
        assert not inline, f"{name}: inline script or style (a strict Content-Security-Policy is coming)"
        self.page.evaluate(self.axe_source)
        violations = self.page.evaluate(RUN_AXE, WCAG_TAGS)
        if violations:
            self.failures[name] = violations
        self.page.set_viewport_size(PHONE)
        width = self.page.evaluate("document.documentElement.scrollWidth")
        self.page.set_viewport_size(DESKTOP)
        if width > PHONE["width"]:
            self.failures[f"{name} at 320 px"] = f"scrolls sideways: {width} px wide"


def submit(page, button):
    """Click a submit button and return the response of the page the browser lands on."""
    with page.expect_response(lambda r: r.request.is_navigation_request() and r.status in (200, 429)) as landed:
        button.click()
    return landed.value


def fresh_code(device: TOTPDevice) -> str:
    """What the authenticator app shows now, or at the next step if this one was used already."""
    device.refresh_from_db()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = time.time()
    if generator.t() <= device.last_t:
        generator.time += device.step * (device.last_t - generator.t() + 1)
    return f"{generator.token():0{device.digits}d}"


def password_login(page, live_site, user):
    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    return submit(page, page.locator("form button[type=submit]").first)


def run_nu_checker(vnu_command, documents: dict[str, str], tmp_path) -> list[str]:
    paths = {}
    for index, (name, html) in enumerate(documents.items()):
        path = tmp_path / f"screen-{index}.html"
        path.write_text(html)
        paths[str(path)] = name
    result = subprocess.run(
        [*vnu_command, "--format", "json", "--errors-only", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{paths.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


@pytest.fixture
def approver():
    """An approver with a known password; removed afterwards, since browser tests do not roll back."""
    user = UserFactory(groups=[APPROVERS])
    yield user
    user.delete()
    AccessAttempt.objects.all().delete()


@pytest.fixture(params=list(LANGUAGES))
def language(request):
    return request.param


@pytest.fixture
def page_in_language(chromium, live_site, language):
    """A browser tab whose browser asks for the language under test (Accept-Language)."""
    context = chromium.new_context(viewport=DESKTOP, locale=LANGUAGES[language]["locale"])
    page = context.new_page()
    yield page
    context.close()


def test_an_approver_enrols_and_signs_in_with_a_code(
    page_in_language, live_site, language, approver, axe_source, vnu_command, tmp_path
):
    page, words = page_in_language, LANGUAGES[language]
    check = ScreenCheck(page, axe_source, language)

    # The password alone leads to the set-up screen, not the admin.
    landed = password_login(page, live_site, approver)
    expect(page).to_have_url(live_site.url + "/admin/two-factor/set-up/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["enrol"])
    check("set-up", landed)
    code_field = page.locator("#id_code")
    expect(code_field).to_have_attribute("autocomplete", "one-time-code")
    expect(code_field).to_have_attribute("inputmode", "numeric")

    # The person types the setup key into their app; the test is the app.
    key_text = page.locator("#manual-key").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{1,4}", key_text), key_text
    key = key_text.replace(" ", "")
    key = b32decode(key + "=" * (-len(key) % 8))

    code_field.fill("000000" if f"{totp(key):06d}" != "000000" else "111111")
    check("set-up with a wrong code", submit(page, page.locator("main form button[type=submit]")))
    expect(page.locator("#id_code_error")).to_have_text(words["wrong"])
    expect(code_field).to_have_attribute("aria-describedby", "id_code_error")
    time.sleep(1.1)  # django-otp's pause after a wrong code

    page.locator("#id_code").fill(f"{totp(key):06d}")
    check("recovery codes, fresh", submit(page, page.locator("main form button[type=submit]")))
    expect(page).to_have_url(live_site.url + "/admin/two-factor/recovery-codes/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["codes"])
    expect(page.locator("#recovery-codes li")).to_have_count(10)

    check("devices", page.goto(live_site.url + "/admin/two-factor/"))
    check("recovery codes, saved", page.goto(live_site.url + "/admin/two-factor/recovery-codes/"))
    page.goto(live_site.url + "/admin/")
    expect(page.locator("body#wagtail")).to_be_visible()

    # Out, and in again: now the password leads to the code prompt.
    page.goto(live_site.url + "/admin/two-factor/")
    page.locator("nav form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    landed = password_login(page, live_site, approver)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["verify"])
    check("code prompt", landed)

    device = TOTPDevice.objects.get(user=approver, confirmed=True)
    page.locator("#id_code").fill("000000" if fresh_code(device) != "000000" else "111111")
    check("code prompt with a wrong code", submit(page, page.locator("main form button[type=submit]").first))
    expect(page.locator("#id_code_error")).to_have_text(words["wrong"])
    time.sleep(1.1)

    page.locator("#id_code").fill(fresh_code(device))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(live_site.url + "/admin/")
    expect(page.locator("body#wagtail")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Science City Lyngby")

    assert not check.failures, describe(check.failures)
    errors = run_nu_checker(vnu_command, check.documents, tmp_path)
    assert errors == [], "\n".join(errors)


def test_the_lockout_page_passes_the_checks(
    page_in_language, live_site, language, approver, axe_source, vnu_command, tmp_path
):
    page = page_in_language
    check = ScreenCheck(page, axe_source, language)
    page.goto(live_site.url + "/admin/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.locator("#id_username").fill(approver.username)
        page.locator("#id_password").fill("wrong-password")
        landed = submit(page, page.locator("form button[type=submit]").first)
    assert landed.status == 429
    check("lockout", landed)
    expect(page.locator("main")).to_contain_text("15")
    assert not check.failures, describe(check.failures)
    errors = run_nu_checker(vnu_command, check.documents, tmp_path)
    assert errors == [], "\n".join(errors)
