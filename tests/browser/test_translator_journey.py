"""A translator's whole loop in the browser: from an approved Danish change to the visitor's Swedish page.

1. A Danish change is approved and published (an editor submits, an approver approves).
2. The translator is notified: by e-mail, and on the dashboard.
3. The translator updates from the status report and sees what changed.
4. The changed segment starts from the previous Swedish text, marked for review.
5. The translator publishes.
6. A visitor sees the change on /sv/.
"""

import pytest
from django.core import mail
from playwright.sync_api import expect

from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.conftest import sync_translations
from tests.factories import UserFactory

PASSWORD = "et-godt-langt-kodeord-42"
CHANGED = "Science City Lyngby behandler kun de oplysninger, der er nødvendige."
TRANSLATED = "Science City Lyngby behandlar bara de uppgifter som är nödvändiga."


def danish_privacy_policy():
    from wagtail.models import Page

    from seeding.tools import seed_key

    return Page.objects.get(translation_key=seed_key("privacy-policy"), locale__language_code="da").specific


@pytest.fixture
def approved_danish_change():
    """Step 1: an editor changes the Danish privacy policy and submits it; an approver approves, which publishes it."""
    danish = danish_privacy_policy()
    original = danish.introduction
    editor = UserFactory(groups=[EDITORS])
    approver = UserFactory(groups=[APPROVERS])
    translator = UserFactory(groups=[TRANSLATORS["sv"]], password=PASSWORD)
    danish.introduction = CHANGED
    danish.save_revision(user=editor)
    danish.get_workflow().start(danish, editor)
    mail.outbox.clear()
    danish.current_workflow_state.current_task_state.approve(user=approver)
    danish = danish_privacy_policy()
    assert danish.introduction == CHANGED and not danish.has_unpublished_changes
    yield danish, original, translator
    danish.introduction = original
    danish.save_revision().publish()
    sync_translations(danish)


def sign_in(page, origin, user):
    page.goto(origin + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_translator_is_told_updates_from_the_report_and_publishes(browser_page, live_site, approved_danish_change):
    danish, original, translator = approved_danish_change

    # 2. Told once, by e-mail, with what changed; and on the dashboard.
    to_translator = [message for message in mail.outbox if message.to == [translator.email]]
    assert len(to_translator) == 1 and CHANGED in to_translator[0].body
    page = browser_page
    sign_in(page, live_site.url, translator)
    panel = page.locator("section", has=page.locator("#danish-changes-heading"))
    expect(panel.get_by_role("link", name=danish.title)).to_be_visible()

    # 3. The report shows the old and the new Danish text, and updates the translation from it.
    page.goto(live_site.url + "/admin/reports/translation-status/?state=out-of-date")
    row = page.locator("tbody tr", has_text=danish.title)
    expect(row).to_contain_text("Forældet")
    row.locator("summary").click()
    expect(row.locator("del")).to_have_text(original)
    expect(row.locator("ins")).to_have_text(CHANGED)
    row.get_by_role("link", name="Opdater fra den danske version").click()
    page.locator("form input[type=submit]").click()
    expect(page.locator("tbody tr", has_text=danish.title)).to_be_visible()

    # 4. The changed segment holds the previous Swedish text, marked for review with the old Danish.
    page.locator("tbody tr", has_text=danish.title).get_by_role("link", name="Åbn oversættelsen").click()
    segment = page.locator("li.errored", has_text=CHANGED)
    expect(segment).to_have_count(1)
    expect(segment).to_contain_text("Gennemse den og gem")
    segment.get_by_role("button").first.click()
    textarea = segment.locator("textarea")
    expect(textarea).not_to_have_value("")
    textarea.fill(TRANSLATED)
    segment.get_by_role("button", name="Gem").click()
    expect(page.locator("li.complete", has_text=CHANGED)).to_have_count(1)

    # 5. Published in Swedish.
    page.get_by_role("button", name="Udgiv på Svenska").click()
    page.wait_for_load_state("networkidle")

    # 6. A visitor sees it; the Danish page is as approved.
    visitor = page.context.browser.new_page()
    visitor.goto(live_site.url + "/sv/integritetspolicy/")
    expect(visitor.locator(".lead")).to_have_text(TRANSLATED)
    visitor.goto(live_site.url + danish.url)
    expect(visitor.locator(".lead")).to_have_text(CHANGED)
    visitor.close()
