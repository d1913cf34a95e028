"""The sweep's error filter excuses the 404 page's own 404 and nothing else: a missing stylesheet is caught."""

NOT_FOUND = "/da/denne-side-findes-ikke/"


def missing_stylesheet(route):
    """Answer the site's stylesheet with 404, as a broken deploy would."""
    route.fulfill(status=404, body="Not found")


def test_the_404_pages_own_404_is_the_only_failure_excused(browser_page, live_site):
    expected = {NOT_FOUND: 404}
    assert browser_page.goto(live_site.url + NOT_FOUND).status == 404
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.watch.unexpected_failures(expected) == []
    assert browser_page.watch.unexpected_console_errors(expected) == []


def test_a_missing_stylesheet_is_reported_on_the_404_page_and_any_other(browser_page, live_site):
    expected = {NOT_FOUND: 404}
    browser_page.route("**/*.css", missing_stylesheet)
    for path in ("/da/", NOT_FOUND):
        browser_page.goto(live_site.url + path)
        browser_page.wait_for_load_state("networkidle")
    failures = browser_page.watch.unexpected_failures(expected)
    assert [(document.removeprefix(live_site.url), status) for document, _url, status in failures] == [
        ("/da/", 404),
        (NOT_FOUND, 404),
    ]
    assert all(url.endswith(".css") for _document, url, _status in failures)
    assert len(browser_page.watch.unexpected_console_errors(expected)) == 2
