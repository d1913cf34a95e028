"""A translator's journey in the browser: from the status report to a published Swedish change."""

import pytest
from playwright.sync_api import expect

from editorial.roles import TRANSLATORS
from tests.conftest import sync_translations
from tests.factories import UserFactory

PASSWORD = "et-godt-langt-kodeord-42"
CHANGED = "Science City Lyngby behandler kun de oplysninger, der er nødvendige."
TRANSLATED = "Science City Lyngby behandlar bara de uppgifter som är nödvändiga."


@pytest.fixture
def changed_danish_page():
    """An editor has changed and published the Danish privacy policy, and synced its translation."""
    from wagtail.models import Page

    from seeding.tools import seed_key

    danish = Page.objects.get(translation_key=seed_key("privacy-policy"), locale__language_code="da").specific
    original = danish.introduction
    danish.introduction = CHANGED
    danish.save_revision().publish()
    sync_translations(danish)
    yield danish
    danish.introduction = original
    danish.save_revision().publish()
    sync_translations(danish)


def test_translator_sees_the_change_translates_it_and_publishes(browser_page, live_site, changed_danish_page):
    translator = UserFactory(username="oversaetter-rejse", groups=[TRANSLATORS], password=PASSWORD)
    page = browser_page
    page.goto(live_site.url + "/admin/login/")
    page.fill("input[name=username]", translator.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")

    page.goto(live_site.url + "/admin/reports/translation-status/?state=out-of-date")
    row = page.locator("tbody tr", has_text="Privatlivspolitik")
    expect(row).to_contain_text("Forældet")
    row.get_by_role("link", name="Åbn oversættelsen").click()

    # The changed segment waits for a translation; the others are done.
    segment = page.locator("li.incomplete", has_text=CHANGED)
    expect(segment).to_have_count(1)
    segment.get_by_role("button", name="Oversæt").click()
    segment.locator("textarea").fill(TRANSLATED)
    segment.get_by_role("button", name="Gem").click()
    expect(page.locator("li.complete", has_text=CHANGED)).to_have_count(1)

    page.get_by_role("button", name="Udgiv på Svenska").click()
    page.wait_for_load_state("networkidle")

    swedish = page.context.new_page()
    swedish.goto(live_site.url + "/sv/integritetspolicy/")
    expect(swedish.locator(".lead")).to_have_text(TRANSLATED)
    danish = page.context.new_page()
    danish.goto(live_site.url + changed_danish_page.url)
    expect(danish.locator(".lead")).to_have_text(CHANGED)
