"""Data goes through the editorial loop in the browser, and the launch checklist is accessible.

An editor changes a district, previews it and submits it; an approver approves
and the visitor sees the change; a translator publishes the Swedish district
directly. The checklist on the dashboard passes axe at 1280 and 320 px in
Danish and Swedish.
"""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import Locale

from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from tests.conftest import sync_translations

from .conftest import DESKTOP, PHONE
from .test_accessibility import WCAG_TAGS, describe
from .test_admin_language import sign_in, staff

CHANGED = "Science City Lyngbys samarbejdspartner i Lund, nu med en ny beskrivelse."
TRANSLATED = "Science City Lyngbys samarbetspartner i Lund, nu med en ny beskrivning."

RUN_AXE_ON = """async ([selector, tags]) => {
    const results = await axe.run({include: [selector]}, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


@pytest.fixture
def lund():
    """The Danish and Swedish Future by Lund district, restored afterwards."""
    from districts.models import District
    from seeding.tools import seed_key

    key = seed_key("district:future-by-lund")
    danish = District.objects.get(translation_key=key, locale__language_code="da")
    swedish = District.objects.get(translation_key=key, locale__language_code="sv")
    originals = danish.short_description, swedish.short_description
    yield danish
    for workflow_state in danish.workflow_states.all():
        workflow_state.delete()
    danish.refresh_from_db()
    danish.short_description = originals[0]
    danish.save_revision().publish()
    sync_translations(danish)


def network_url(language: str) -> str:
    """The network page's address in a language; the districts' pages are below it."""
    from partnerships.models import NetworkPage

    return NetworkPage.objects.get(locale__language_code=language).url


def in_new_tab(page, url):
    """Open ``url`` as a visitor would, in another tab of the same browser."""
    tab = page.context.new_page()
    tab.goto(url)
    return tab


def footer_action(page, selector: str):
    """Press an action of the editor's footer menu, opening the menu first when it is folded away."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer .w-dropdown-button [aria-expanded]").first.click()
    button.click()


def test_an_editor_submits_an_approver_publishes_a_translator_publishes_swedish(chromium, live_site, lund):
    district_page = f"{live_site.url}{network_url('da')}{lund.slug}/"
    edit = f"{live_site.url}/admin/snippets/districts/district/edit/{lund.pk}/"

    # The editor changes the Danish district, sees it in the preview, and submits it.
    editor = staff("redaktoer-data", EDITORS, "da")
    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    page = context.new_page()
    sign_in(page, live_site, editor)
    page.goto(edit)
    page.locator("#id_short_description").fill(CHANGED)
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe[id$='preview-iframe'], .preview-panel iframe").first
    expect(preview.locator("body")).to_contain_text(CHANGED, timeout=15_000)
    footer_action(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_be_visible()
    assert CHANGED not in in_new_tab(page, district_page).content()
    context.close()

    # The approver approves; the visitor sees the change.
    approver = staff("godkender-data", APPROVERS, "da")
    device = TOTPDevice.objects.create(user=approver, name="Authenticator app", confirmed=True)
    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    page = context.new_page()
    sign_in(page, live_site, approver, device)
    page.goto(edit)
    footer_action(page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    expect(page.locator(".messages")).to_be_visible()
    visitor = in_new_tab(page, district_page)
    expect(visitor.locator(".page-body")).to_contain_text(CHANGED)
    context.close()

    # The translator updates the Swedish district and publishes it at once: no approval in Swedish.
    lund.refresh_from_db()
    sync_translations(lund)
    translator = staff("oversaetter-data", TRANSLATORS["sv"], "da")
    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    page = context.new_page()
    sign_in(page, live_site, translator)
    swedish = lund.get_translation(Locale.objects.get(language_code="sv"))
    page.goto(f"{live_site.url}/admin/snippets/districts/district/edit/{swedish.pk}/")
    # The changed segment starts from the previous Swedish text, marked for review (issue 23).
    segment = page.locator("li.errored", has_text=CHANGED)
    expect(segment).to_have_count(1)
    segment.get_by_role("button").first.click()
    expect(segment.locator("textarea")).not_to_have_value("")
    segment.locator("textarea").fill(TRANSLATED)
    segment.get_by_role("button", name="Gem").click()
    expect(page.locator("li.complete", has_text=CHANGED)).to_have_count(1)
    page.get_by_role("button", name="Udgiv på svensk").click()
    page.wait_for_load_state("networkidle")
    visitor = in_new_tab(page, f"{live_site.url}{network_url('sv')}{lund.slug}/")
    expect(visitor.locator(".page-body")).to_contain_text(TRANSLATED)
    context.close()


@pytest.mark.parametrize("language, locale", [("da", "da-DK"), ("sv", "sv-SE")])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone-320"])
def test_the_launch_checklist_passes_axe(chromium, live_site, axe_source, language, locale, viewport):
    administrator = staff(f"administrator-tjek-{language}-{viewport['width']}", ADMINISTRATORS, language)
    device = TOTPDevice.objects.create(user=administrator, name="Authenticator app", confirmed=True)
    context = chromium.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    sign_in(page, live_site, administrator, device)
    page.goto(live_site.url + "/admin/")
    checklist = page.locator("#launch-checklist-section")
    expect(checklist).to_be_visible()
    heading = {"da": "Før lancering", "sv": "Före lansering"}[language]
    expect(checklist.locator("h2")).to_contain_text(heading)
    page.evaluate(axe_source)
    violations = page.evaluate(RUN_AXE_ON, ["#launch-checklist-section", WCAG_TAGS])
    assert violations == [], describe(violations)
    # Nothing in it reaches past the screen's edge on a phone.
    overflowing = page.evaluate(
        "el => [el, ...el.querySelectorAll('*')].filter(node => node.getBoundingClientRect().right > window.innerWidth)"
        ".map(node => node.outerHTML.slice(0, 80))",
        checklist.element_handle(),
    )
    assert overflowing == []
    context.close()
