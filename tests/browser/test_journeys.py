"""Visitor journeys in a real browser: switching language, and using the site by keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("live_site")

DANISH_PAGE = "/da/partnerskab-med-giid/"
SWEDISH_PAGE = "/sv/partnerskap-med-giid/"
ENGLISH_PAGE = "/en/partnership-with-giid/"
# Per language: the partnership page, its heading, the switcher's name and the language's name in itself.
PARTNERSHIP = {
    "da": (DANISH_PAGE, "Partnerskab med Global Institute for Innovation Districts", "Sprog", "Dansk"),
    "sv": (SWEDISH_PAGE, "Partnerskap med Global Institute for Innovation Districts", "Språk", "Svenska"),
    "en": (ENGLISH_PAGE, "Partnership with the Global Institute for Innovation Districts", "Language", "English"),
}

FOCUS_INDICATOR = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
        tag: el.tagName, text: (el.textContent || "").trim().slice(0, 40),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        inViewport: rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0 && rect.height > 0,
    };
}"""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_reader_switches_to_another_language_and_back(browser_page, live_site, language):
    page = browser_page
    danish_url, danish_heading, danish_switcher, danish_name = PARTNERSHIP["da"]
    url, heading, switcher, name = PARTNERSHIP[language]
    page.goto(live_site.url + danish_url)
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text(danish_heading)

    page.get_by_role("navigation", name=danish_switcher).get_by_role("link", name=name).click()
    expect(page).to_have_url(live_site.url + url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    page.get_by_role("navigation", name=switcher).get_by_role("link", name=danish_name).click()
    expect(page).to_have_url(live_site.url + danish_url)


def test_skip_link_is_first_visible_and_moves_focus_to_the_main_content(browser_page, live_site):
    page = browser_page
    page.goto(live_site.url + DANISH_PAGE)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Spring til hovedindhold")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert page.evaluate(FOCUS_INDICATOR)["outline"]

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", [DANISH_PAGE, SWEDISH_PAGE, ENGLISH_PAGE, "/da/", "/sv/", "/en/"])
def test_focus_is_always_visible_while_tabbing_through_a_page(browser_page, live_site, path):
    page = browser_page
    page.goto(live_site.url + path)
    focusable = page.evaluate(
        # The phone menu's copy of the links sits in a closed <details> at this width, out of the tab order.
        "[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]"
        ".filter(el => el.checkVisibility({visibilityProperty: true})).length"
    )
    seen = []
    for _ in range(focusable):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_INDICATOR)
        seen.append(state)
        assert state["outline"], f"no visible focus indicator on {state}"
        assert state["inViewport"], f"focused element is off screen: {state}"
    assert len(seen) == focusable


def test_language_switcher_works_from_the_keyboard(browser_page, live_site):
    page = browser_page
    page.goto(live_site.url + DANISH_PAGE)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Svenska":
            break
    else:
        pytest.fail("the Swedish link of the language switcher never received focus")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url + SWEDISH_PAGE)


def test_main_menu_works_from_the_keyboard(browser_page, live_site):
    page = browser_page
    page.goto(live_site.url + "/sv/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "GIID-nätverket":
            break
    else:
        pytest.fail("the menu's link to the network page never received focus")
    assert page.evaluate(FOCUS_INDICATOR)["outline"]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/sv/partnerskap-med-giid/giid-natverket/$"))
    expect(page.get_by_role("navigation", name="Huvudmeny").locator('a[aria-current="page"]')).to_have_text("GIID-nätverket")
