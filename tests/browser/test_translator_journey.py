"""A translator's whole loop in the browser: from an approved Danish change to the visitor's Swedish page.

1. A Danish change is approved and published (an editor submits, an approver approves).
2. The translator is notified: by e-mail, and on the dashboard.
3. The translator updates from the status report and sees what changed.
4. The changed segment starts from the previous Swedish text, marked for review.
5. The translator publishes.
6. A visitor sees the change on /sv/; the English page, another translator's, is as it was.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.conftest import sync_translations
from tests.factories import UserFactory

PASSWORD = "et-godt-langt-kodeord-42"
CHANGED = "Science City Lyngby behandler kun de oplysninger, der er nødvendige."
TRANSLATED = "Science City Lyngby behandlar bara de uppgifter som är nödvändiga."


def privacy_policy(language="da"):
    from wagtail.models import Page

    from seeding.tools import seed_key

    return Page.objects.get(translation_key=seed_key("privacy-policy"), locale__language_code=language).specific


def danish_privacy_policy():
    return privacy_policy("da")


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
    # The update is the Swedish translator's own: it names and touches the Swedish page, never the English one.
    english = privacy_policy("en")
    row.get_by_role("link", name="Opdater fra den danske version").click()
    expect(page.locator("main")).to_contain_text(privacy_policy("sv").title)
    expect(page.locator("main")).not_to_contain_text(english.title)
    page.locator("form input[type=submit]").click()
    expect(page.locator("tbody tr", has_text=danish.title)).to_be_visible()
    assert privacy_policy("en").latest_revision_id == english.latest_revision_id

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
    # Languages and dates as Danish writes them, not "Oversættelse fra Dansk til Svenska", "7 December 2026".
    expect(page.locator(".js-translation-editor section h3").first).to_have_text("Oversættelse fra dansk til svensk")
    expect(page.locator("li.complete", has_text=CHANGED)).to_contain_text(
        re.compile(r"Oversat manuelt den \d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}"))

    # 5. Published in Swedish.
    page.get_by_role("button", name="Udgiv på svensk").click()
    page.wait_for_load_state("networkidle")

    # 6. A visitor sees it; the Danish page is as approved.
    visitor = page.context.browser.new_page()
    visitor.goto(live_site.url + "/sv/integritetspolicy/")
    expect(visitor.locator(".lead")).to_have_text(TRANSLATED)
    visitor.goto(live_site.url + danish.url)
    expect(visitor.locator(".lead")).to_have_text(CHANGED)
    visitor.goto(live_site.url + english.url)
    expect(visitor.locator(".lead")).to_have_text(english.introduction)
    visitor.close()


@pytest.fixture
def english_translator_and_page():
    """The English translator, whose admin is in English, and the English privacy policy; its translation restored after."""
    from wagtail.models import Locale
    from wagtail.users.models import UserProfile
    from wagtail_localize.models import StringTranslation

    danish = danish_privacy_policy()
    english = Locale.objects.get(language_code="en")
    translator = UserFactory(groups=[TRANSLATORS["en"]], password=PASSWORD)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()
    saved = list(StringTranslation.objects.filter(locale=english, translation_of__data=danish.introduction))
    yield translator, danish, danish.get_translation(english)
    StringTranslation.objects.filter(locale=english, translation_of__data=danish.introduction).delete()
    StringTranslation.objects.bulk_create(saved)
    sync_translations(danish)


def test_the_english_translator_translates_with_the_admin_in_english(chromium, live_site, english_translator_and_page):
    """The editor once froze the tab in English: a script rewrote a text with itself from its own observer."""
    from .conftest import DESKTOP

    translator, danish, english_page = english_translator_and_page
    context = chromium.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_site.url, translator)
    # From the status report, by the link where the freeze was seen.
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(live_site.url + "/admin/reports/translation-status/")
    page.locator("tbody tr", has_text=danish.title).get_by_role("link", name="Open the translation").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english_page.id}/edit/"))
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("section h3").first).to_have_text("Translation from Danish into English")
    expect(page.locator("footer .w-dropdown__toggle .w-sr-only").first).to_have_text("More actions")

    segment = editor.locator("li", has_text=danish.introduction)
    segment.get_by_role("button").first.click()
    segment.locator("textarea").fill("Science City Lyngby processes only the information it needs.")
    segment.get_by_role("button", name="Save").click()
    expect(editor.locator("li.complete", has_text=danish.introduction)).to_contain_text("Translated manually on")
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state("networkidle")

    visitor = context.new_page()
    visitor.goto(live_site.url + english_page.url)
    expect(visitor.locator(".lead")).to_have_text("Science City Lyngby processes only the information it needs.")
    context.close()
