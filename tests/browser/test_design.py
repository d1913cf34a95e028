"""The site-wide design in a real browser: a compact phone header with a menu that works without JavaScript,
a print stylesheet that prints the content only, and a 404 page that helps on.
"""

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, PHONE
from tests.site_urls import collect_site_urls

pytestmark = pytest.mark.usefixtures("live_site")

HEADER_LIMIT = 100  # px at 320: the rest of the first screen belongs to the content

# Every link, button and summary in the header: where it is and how big.
HEADER_TARGETS = """() => [...document.querySelectorAll(".site-header a, .site-header summary")]
    .filter(e => e.getClientRects().length)
    .map(e => { const r = e.getBoundingClientRect(); return {text: e.textContent.trim(), width: r.width, height: r.height}; })"""
VISIBLE = "e => !!e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'"


def one_page_of_each_type() -> dict[str, str]:
    """The first address of each page type, route, the search page and the 404 page, in each language."""
    paths = {}
    for url in collect_site_urls():
        if url.kind == "html":
            paths.setdefault(f"{url.source} {url.language}", url.path)
    return paths


@pytest.fixture
def phone(chromium, live_site):
    context = chromium.new_context(viewport=PHONE, locale="da-DK")
    yield context.new_page()
    context.close()


def test_the_phone_header_is_compact_on_every_page_type(phone, live_site):
    heights = {}
    for name, path in one_page_of_each_type().items():
        phone.goto(live_site.url + path)
        heights[name] = phone.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        targets = phone.evaluate(HEADER_TARGETS)
        # The name, search, every language and the menu button, each at least 24 × 24 px (WCAG 2.5.8).
        assert len(targets) >= 6, (name, targets)
        assert [t for t in targets if t["width"] < 24 or t["height"] < 24] == [], name
    assert {name: height for name, height in heights.items() if height > HEADER_LIMIT} == {}


def test_the_phone_menu_opens_and_is_used_by_keyboard_without_javascript(chromium, live_site):
    context = chromium.new_context(viewport=PHONE, locale="da-DK", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_site.url + "/da/")
        menu = page.locator(".menu-toggle .main-menu")
        assert not menu.is_visible()
        assert not page.locator(".site-header__menu").is_visible()
        summary = page.locator("summary.menu-toggle__button")
        for _ in range(12):  # skip link, name, search, three languages, then the menu button
            page.keyboard.press("Tab")
            if summary.evaluate("e => e === document.activeElement"):
                break
        assert summary.evaluate("e => e === document.activeElement"), "the menu button is not reached by Tab"
        page.keyboard.press("Enter")
        assert menu.is_visible()
        links = menu.locator("a")
        assert links.count() == 4 and all(links.nth(n).is_visible() for n in range(4))
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused == links.first.get_attribute("href")
        page.keyboard.press("Shift+Tab")  # back to the button, which closes it again
        page.keyboard.press("Enter")
        assert not menu.is_visible()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_url(live_site.url + focused)
    finally:
        context.close()


def test_wide_screens_show_the_menu_as_a_row_without_a_button(browser_page, live_site):
    browser_page.goto(live_site.url + "/sv/")
    assert browser_page.locator(".site-header__menu .main-menu").is_visible()
    assert not browser_page.locator("summary.menu-toggle__button").is_visible()
    assert browser_page.locator(".site-header__menu a").count() == 4


def path_of(source: str, language: str = "da") -> str:
    return next(url.path for url in collect_site_urls() if url.source == source and url.language == language)


NETWORK, COLLABORATION = "page:partnerships.NetworkPage", "page:partnerships.CollaborationPage"


def test_print_shows_the_content_only_with_link_addresses(browser_page, live_site):
    browser_page.goto(live_site.url + path_of(NETWORK))
    browser_page.emulate_media(media="print")
    for hidden in (".skip-link", ".site-header__tools", ".menu-toggle", ".site-header__menu", ".breadcrumbs",
                   ".directory-filters", ".site-footer__legal"):
        assert not any(element.evaluate(VISIBLE) for element in browser_page.locator(hidden).element_handles()), hidden
    assert browser_page.locator("h1").is_visible()
    assert browser_page.locator(".world-map__svg").first.is_visible()
    assert browser_page.locator(".district-card").count() == 12
    browser_page.goto(live_site.url + path_of(COLLABORATION))
    written_out = browser_page.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')].map(
        a => getComputedStyle(a, '::after').content)""")
    assert written_out and all(content.startswith('" (http') for content in written_out), written_out


def test_the_network_prints_its_12_participants_on_one_sheet(browser_page, live_site):
    browser_page.goto(live_site.url + path_of(NETWORK))
    names = browser_page.locator(".district-card__name").all_inner_texts()
    assert len(names) == 12
    pdf = PdfReader(io.BytesIO(browser_page.pdf(format="A4")))
    # Compared without white space: a name may break over two lines of a card.
    sheets = ["".join(sheet.extract_text().split()) for sheet in pdf.pages]
    found = {number: [name for name in names if "".join(name.split()) in text] for number, text in enumerate(sheets, 1)}
    assert any(len(on_sheet) == 12 for on_sheet in found.values()), found
    assert len(sheets) <= 2, len(sheets)


def test_the_404_page_offers_search_and_the_main_sections_in_the_visitors_language(browser_page, live_site):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_site.url + "/sv/finns-inte/")
    assert browser_page.evaluate("document.documentElement.lang") == "sv"
    sections = browser_page.locator(".section-links a")
    assert sections.count() == 4 and sections.first.is_visible()
    search = browser_page.get_by_role("searchbox", name="Sök på webbplatsen")
    search.fill("Lund")
    search.press("Enter")
    browser_page.wait_for_load_state()
    assert browser_page.url.startswith(live_site.url + "/sv/sok/?q=Lund")
    assert browser_page.locator(".search-result").count() > 0
    browser_page.set_viewport_size(DESKTOP)
