"""Editor, approver and administrator in Chromium: the preview panel shows the draft, a submission reaches the
approver by e-mail and on the dashboard, and the groups list says what each group may do."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS
from tests.factories import UserFactory

from .test_admin_language import sign_in
from .test_two_factor import PASSWORD

DRAFT = "Et udkast, som kun forhåndsvisningen viser endnu."


@pytest.fixture
def draft_page():
    """A Danish information page; its content is put back afterwards, since the live site is shared."""
    from wagtail.models import Page

    from seeding.tools import seed_key

    page = Page.objects.get(translation_key=seed_key("privacy-policy"), locale__language_code="da").specific
    live = page.live_revision
    yield page
    for state in page.workflow_states.filter(status__in=["in_progress", "needs_changes"]):
        state.cancel()
    live.publish()


def preview_frame(page):
    """The preview panel's frame, once it has loaded a preview."""
    page.locator("iframe[title]").first.wait_for()
    return page.frame_locator("[data-w-preview-target='iframe']").first


def test_an_editor_sees_the_draft_in_the_preview_panel_and_submits_it(browser_page, live_site, draft_page):
    approver = UserFactory(username="godkender-rejse", groups=[APPROVERS])
    editor = UserFactory(username="redaktoer-rejse", groups=[EDITORS], password=PASSWORD)
    page = browser_page
    sign_in(page, live_site, editor)
    page.goto(f"{live_site.url}/admin/pages/{draft_page.pk}/edit/")
    page.locator("#id_introduction").fill(DRAFT)

    page.locator("[data-side-panel-toggle='preview']").click()
    frame = preview_frame(page)
    expect(frame.locator(".lead")).to_have_text(DRAFT, timeout=15_000)
    # Every device size the panel offers shows the same draft.
    for size in page.locator("input[name='preview-size']").all():
        size.check(force=True)
        expect(preview_frame(page).locator(".lead")).to_have_text(DRAFT)
    previews = [frame for frame in page.frames if "/preview/" in frame.url]
    assert previews and all(frame.evaluate("window.__cspViolations || []") == [] for frame in previews)

    page.locator("[data-w-dropdown-target='toggle']", has_text="").last.click()
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages")).to_be_visible()
    # The site is shared with other journeys, whose approvers are told too.
    to_approver = [message for message in mail.outbox if message.to == [approver.email]]
    assert len(to_approver) == 1
    assert draft_page.title in to_approver[0].subject
    page.goto("about:blank")  # the editor lets go of the page (its editing session) while the test still runs


def test_an_approver_approves_from_the_dashboard_and_visitors_see_it(browser_page, live_site, draft_page):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    approver = UserFactory(username="godkender-dashboard", groups=[APPROVERS], password=PASSWORD)
    device = TOTPDevice.objects.create(user=approver, name="Authenticator app", confirmed=True)
    draft_page.introduction = DRAFT
    revision = draft_page.save_revision(user=UserFactory(groups=[EDITORS]))
    draft_page.get_workflow().start(draft_page, revision.user)

    page = browser_page
    sign_in(page, live_site, approver, device)
    page.goto(live_site.url + "/admin/")
    panel = page.locator("section, .w-panel", has_text="Afventer din gennemgang").first
    expect(panel).to_contain_text(draft_page.title)
    expect(page.get_by_text("Ingen godkender har en e-mailadresse")).to_have_count(0)

    # The panel leads to the page's review: its editor, with the approver's actions.
    panel.get_by_role("link", name=draft_page.title).first.click()
    expect(page).to_have_url(f"{live_site.url}/admin/pages/{draft_page.pk}/edit/")
    expect(page.locator("#id_introduction")).to_have_value(DRAFT)

    # Approve from the editor's footer menu (folded away on narrow screens); the page is live at once.
    approve = page.locator("footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").first
    if not approve.is_visible():
        page.locator("footer .w-dropdown-button [aria-expanded]").first.click()
    approve.click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(live_site.url + draft_page.url)
    expect(page.locator("main")).to_contain_text(DRAFT)
    page.goto("about:blank")


def test_an_administrator_sees_the_groups_described_and_is_warned_of_no_reachable_approver(
    browser_page, live_site
):
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    approvers = Group.objects.get(name=APPROVERS)
    members = list(approvers.user_set.all())
    approvers.user_set.clear()
    administrator = UserFactory(username="admin-rejse", groups=[ADMINISTRATORS], is_superuser=True, password=PASSWORD)
    device = TOTPDevice.objects.create(user=administrator, name="Authenticator app", confirmed=True)
    try:
        page = browser_page
        sign_in(page, live_site, administrator, device)
        page.goto(live_site.url + "/admin/")
        expect(page.get_by_text("Ingen godkender har en e-mailadresse")).to_be_visible()
        page.get_by_role("link", name="Gå til brugerne").click()
        expect(page).to_have_url(f"{live_site.url}/admin/users/")

        page.goto(live_site.url + "/admin/groups/")
        rows = page.locator("tbody tr")
        expect(rows.filter(has_text="Kommunikation – godkendere")).to_contain_text("godkender og udgiver danske sider")
        expect(page.get_by_text("Moderators")).to_have_count(0)
    finally:
        approvers.user_set.set(members)
