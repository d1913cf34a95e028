"""axe-core on every public URL in both languages, at desktop and phone width: zero violations."""

import json

import pytest

from .conftest import DESKTOP, PHONE

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


def describe(violations) -> str:
    return json.dumps(violations, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone-320"])
def test_axe_finds_no_violations_on_any_public_page(browser_page, live_site, site_urls, axe_source, viewport):
    browser_page.set_viewport_size(viewport)
    failures = {}
    for url in (url for url in site_urls if url.kind == "html"):
        response = browser_page.goto(live_site.url + url.path)
        assert response.status == url.status, url.path
        browser_page.evaluate(axe_source)
        violations = browser_page.evaluate(RUN_AXE, WCAG_TAGS)
        if violations:
            failures[url.path] = violations
    assert not failures, describe(failures)


def test_pages_reflow_at_320_pixels_without_sideways_scrolling(browser_page, live_site, site_urls):
    browser_page.set_viewport_size(PHONE)
    too_wide = {}
    for url in (url for url in site_urls if url.kind == "html"):
        browser_page.goto(live_site.url + url.path)
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url.path] = width
    assert not too_wide


def test_public_pages_make_no_third_party_requests_break_no_csp_rule_and_log_no_errors(
    browser_page, live_site, site_urls
):
    violations = {}
    for url in (url for url in site_urls if url.kind == "html"):
        response = browser_page.goto(live_site.url + url.path)
        browser_page.wait_for_load_state("networkidle")
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        if found := browser_page.watch.csp_violations():
            violations[url.path] = found
    assert violations == {}
    assert browser_page.watch.offsite == []
    # Only the documents that should fail (the 404 page's own 404) may fail, and log that they did;
    # a missing stylesheet or image on any page, the 404 page included, is a failure.
    expected = {url.path: url.status for url in site_urls if url.kind == "html" and url.status >= 400}
    assert browser_page.watch.unexpected_failures(expected) == []
    assert browser_page.watch.unexpected_console_errors(expected) == []
    assert browser_page.context.cookies() == []
