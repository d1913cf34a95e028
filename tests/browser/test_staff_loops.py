"""The approver's loop for data in Chromium, in Danish: the e-mail's preview link shows the submitted district as
its page, the review comes first on the dashboard, approving from there says so, and visitors see the change."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from editorial.roles import APPROVERS, EDITORS
from tests.factories import UserFactory

from .conftest import DESKTOP
from .test_admin_language import sign_in, staff

CHANGED = "Distriktet beskrevet på ny, til godkendelse."


@pytest.fixture
def submitted_district():
    """A Danish district with an editor's change submitted for approval; put back afterwards (the site is shared)."""
    from districts.models import District
    from seeding.tools import seed_key

    district = District.objects.get(translation_key=seed_key("district:distritotec"), locale__language_code="da")
    live = district.live_revision
    editor = UserFactory(groups=[EDITORS])
    district.short_description = CHANGED
    district.save_revision(user=editor)
    yield district, editor
    for state in district.workflow_states.filter(status__in=["in_progress", "needs_changes"]):
        state.cancel()
    live.publish()


def test_an_approver_previews_a_submitted_district_from_the_mail_and_approves_it(chromium, live_site, submitted_district):
    from partnerships.models import NetworkPage

    district, editor = submitted_district
    approver = staff("godkender-distrikt", APPROVERS, "da")
    device = TOTPDevice.objects.create(user=approver, name="Authenticator app", confirmed=True)
    mail.outbox.clear()
    with override_settings(WAGTAILADMIN_BASE_URL=live_site.url):
        district.get_workflow().start(district, editor)
    [message] = [message for message in mail.outbox if message.to == [approver.email]]
    preview = next(word for word in message.body.split() if "/workflow/preview/" in word)
    assert preview.startswith(live_site.url)

    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    page = context.new_page()
    sign_in(page, live_site, approver, device)

    # The mail's link: the district as its page will show it, with the submitted change.
    response = page.goto(preview)
    assert response.status == 200
    expect(page.locator(".page-body")).to_contain_text(CHANGED)
    assert urlsplit(page.url).path == urlsplit(preview).path

    # The dashboard: the review first; "Godkend" from its menu says what happened.
    page.goto(live_site.url + "/admin/")
    review = page.locator("#awaiting-review-section")
    expect(review).to_contain_text(district.name)
    first_panel = page.locator("[id$='-section'].w-panel").first
    expect(first_panel).to_have_attribute("id", "awaiting-review-section")
    row = review.locator("tbody tr", has_text=district.name)
    row.get_by_role("button", name="Handlinger").click()
    row.get_by_role("button", name="Godkend", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"»{district.name}« er godkendt og udgivet.")
    expect(page.locator("#awaiting-review-section tbody tr", has_text=district.name)).to_have_count(0)

    visitor = context.new_page()
    network = NetworkPage.objects.get(locale__language_code="da")
    visitor.goto(f"{live_site.url}{network.url}{district.slug}/")
    expect(visitor.locator(".page-body")).to_contain_text(CHANGED)
    context.close()
