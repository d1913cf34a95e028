"""Every swept state (tests/browser/states.py), at 1280 and at 320 px, one test item each.

For each: the status it must answer, its language and the element that proves the state;
axe-core with the WCAG 2.x A and AA rules finds nothing; no sideways scrolling
at 320 px; the Content-Security-Policy allows no inline code and the page breaks
none of it; no request leaves the machine; no failed request or console error
but the document's own expected 404, 405 or 500; no cookie but a form's CSRF
cookie or a signed-in session.
"""

import json

import pytest

from .conftest import DESKTOP, PHONE, reach

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


def axe_violations(page, axe_source):
    """What axe-core finds on the page."""
    page.evaluate(axe_source)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "320"])
def test_state(browser_page, live_site, sweep_data, axe_source, swept_documents, state, viewport):
    browser_page.set_viewport_size(viewport)
    response = reach(browser_page, live_site.url, state, sweep_data)
    if viewport == DESKTOP:
        # The Nu HTML Checker's item for this state checks this very document (test_html_validity.py).
        swept_documents[state.id] = (response.status, response.headers.get("content-type", ""), response.body())
    watch = browser_page.watch
    problems = {}
    if response.status != state.status:
        problems["status"] = response.status
    if state.language and (lang := browser_page.evaluate("document.documentElement.lang")) != state.language:
        problems["language"] = lang
    if state.shows and browser_page.locator(state.shows).count() == 0:
        problems["not the state meant, nothing matches"] = state.shows
    policy = response.headers.get("content-security-policy", "")
    # Wagtail's admin is held to its own policy; public pages allow no inline code at all.
    if not policy or ("unsafe-inline" in policy and not state.signed_in):
        problems["content-security-policy"] = policy
    if found := watch.csp_violations():
        problems["blocked by the content-security-policy"] = found
    if watch.offsite:
        problems["requests to other hosts"] = watch.offsite
    # Only the document that should fail may fail, and log that it did; a missing stylesheet or
    # image on any page, the 404 page included, is a failure.
    expected = {state.path: state.status} if state.status >= 400 else {}
    if failed := watch.unexpected_failures(expected):
        problems["failed requests"] = failed
    if errors := watch.unexpected_console_errors(expected):
        problems["console errors"] = errors
    if cookies := {cookie["name"] for cookie in browser_page.context.cookies()} - state.cookies:
        problems["cookies"] = sorted(cookies)
    if viewport == PHONE and (width := browser_page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
        problems["scrolls sideways at 320 px"] = width
    if violations := axe_violations(browser_page, axe_source):
        problems["axe"] = violations
    assert not problems, describe(problems)
