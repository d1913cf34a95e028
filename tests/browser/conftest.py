"""The browser harness: the site served by a live server, Debian's Chromium driven by Playwright.

The checkers are not Python packages: Chromium comes from apt, axe-core and the
Nu HTML Checker from npm (package-lock.json). `make test` runs these tests
when the tools are present and skips them with the reason otherwise; with
CI=true a missing tool fails the run instead, so CI can never pass unchecked.
"""

import os
import shutil
import time
from contextlib import nullcontext
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import add_dated_workshops, prepare_test_databases, remove_dated_workshops
from tests.site_urls import collect_site_urls

from .states import SweepData, collect_states

# Playwright's sync API runs an event loop in the test thread; the database
# calls the tests make beside it are ordinary blocking ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every request off this machine fails at once, so a page that reaches out
    # shows up as a failed request instead of a slow test.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1;localhost",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}


def require(available: bool, reason: str) -> None:
    """Skip when a checking tool is missing; under CI=true, fail instead."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing checker is a failure)", pytrace=False)
    pytest.skip(reason)


SWEPT = pytest.StashKey[dict]()


def swept(config) -> dict[str, list]:
    """What the sweep checks, read from the test database once, while the tests are collected.

    ``state``: every state of the HTML pages (tests/browser/states.py); ``other_url``: feeds, the
    sitemap and robots.txt.
    """
    if SWEPT not in config.stash:
        from pytest_django.plugin import blocking_manager_key

        prepare_test_databases(config)
        with config.stash[blocking_manager_key].unblock():
            add_dated_workshops()
            config.stash[SWEPT] = {
                "state": collect_states(),
                "other_url": [url for url in collect_site_urls() if url.kind != "html"],
            }
            # Collected with them; the live site adds them again for the sweep (``live_site``).
            remove_dated_workshops()
    return config.stash[SWEPT]


def pytest_generate_tests(metafunc):
    """One test item per state (``state``) or other URL (``other_url``) a test takes."""
    for name in ("state", "other_url"):
        if name in metafunc.fixturenames:
            values = swept(metafunc.config)[name]
            metafunc.parametrize(name, values, ids=[getattr(value, "id", value.path) for value in values])


@pytest.fixture(scope="module")
def sweep_data(live_site, django_db_blocker):
    """The pages, workshops and users the states need; removed after the module, since browser tests commit."""
    with django_db_blocker.unblock():
        data = SweepData()
    yield data
    with django_db_blocker.unblock():
        data.remove()


def reach(page, origin: str, state, data: SweepData):
    """Bring a browser tab to ``state`` and return the response of the document it shows."""
    from django.test import override_settings

    if state.signed_in:
        page.context.add_cookies([data.session_cookie(state.signed_in, state.language, origin)])
    if state.method != "GET":
        # A browser only GETs an address; the route sends this one navigation with the state's method.
        page.route(origin + state.path, lambda route: route.continue_(method=state.method), times=1)
    with override_settings(ROOT_URLCONF=state.urlconf) if state.urlconf else nullcontext():
        response = page.goto(origin + state.path)
        if state.submit:
            for name, value in state.submit.items():
                page.locator(f"[name={name}]").fill(value)
            with page.expect_navigation() as landed:
                page.locator("main form button[type=submit]").click()
            response = landed.value
            # The sweep's own wrong passwords must not add up to a lockout of this machine's address.
            data.forget_failed_sign_ins()
    settle(page)
    return response


def settle(page) -> None:
    """Wait, after the load event, until the page has fetched all it will.

    A page with scripts (the admin's) may start requests at any time: wait for the network to stay
    quiet (Playwright's "networkidle", half a second of silence). A page without scripts (every public
    page) starts nothing after "load" but what is already on its way: wait for that alone, if watched.
    """
    if page.evaluate("document.scripts.length"):
        page.wait_for_load_state("networkidle")
    elif (watch := getattr(page, "watch", None)) is not None:
        watch.wait_for_requests()


@pytest.fixture(scope="session")
def swept_documents():
    """Each state's document as the sweep's 1280 px load received it: state id -> (status, content type, body).

    The Nu HTML Checker's items read it instead of loading the state a third time; a state not swept
    yet (another module, ``-k``) is loaded by them.
    """
    return {}


@pytest.fixture(autouse=True)
def _database_for_the_server(django_db_blocker):
    """Let the server thread (and the test) read the database while a browser test runs."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, with nothing reachable but this machine."""
    require(CHROMIUM.exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a browser page did that a public page must not: reach other hosts, log errors."""

    def __init__(self, page, origin: str):
        self.page = page
        self.origin = origin
        self.offsite: list[str] = []
        self.console_errors: list[str] = []
        # Every failed response, as (document address, response address, status): a console message
        # "status of 404" names no address, so the sweep judges failures from these instead.
        self.failed_responses: list[tuple[str, str, int]] = []
        self.in_flight: set = set()
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_request_done)
        page.on("requestfailed", self._on_request_done)
        page.on("console", self._on_console)
        page.on("response", self._on_response)
        # Runs through the DevTools protocol, so the page's own CSP cannot block it.
        page.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )

    def csp_violations(self) -> list[str]:
        """What the current document's Content-Security-Policy blocked."""
        return self.page.evaluate("window.__cspViolations || []")

    def wait_for_requests(self, timeout: float = 30) -> None:
        """Wait until every request the page has started has finished or failed."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)  # lets Playwright deliver the events that empty the set
        assert not self.in_flight, f"still loading after {timeout} s: {sorted(r.url for r in self.in_flight)}"

    def _on_request(self, request):
        self.in_flight.add(request)
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.offsite.append(request.url)

    def _on_request_done(self, request):
        self.in_flight.discard(request)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response):
        if response.status >= 400:
            self.failed_responses.append((self.page.url, response.url, response.status))

    def unexpected_failures(self, expected: dict[str, int]) -> list[tuple[str, str, int]]:
        """Failed responses other than the documents that should fail (address -> status), e.g. the 404 page's own 404."""
        return [
            (document, url, status)
            for document, url, status in self.failed_responses
            if expected.get(url.removeprefix(self.origin)) != status
        ]

    def unexpected_console_errors(self, expected: dict[str, int]) -> list[str]:
        """Console errors, less one "status of N" message per expected failed document that really failed."""
        excused = [status for _document, url, status in self.failed_responses if expected.get(url.removeprefix(self.origin)) == status]
        errors = []
        for error in self.console_errors:
            status = next((code for code in excused if f"status of {code}" in error), None)
            if status is None:
                errors.append(error)
            else:
                excused.remove(status)
        return errors


@pytest.fixture
def browser_page(chromium, live_site):
    """A fresh browser tab at desktop size, watched for off-site requests and console errors."""
    context = chromium.new_context(viewport=DESKTOP, locale="da-DK")
    page = context.new_page()
    page.watch = PageWatch(page, live_site.url)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script, injected into each page with page.evaluate (a strict CSP blocks script tags)."""
    require(AXE.exists(), f"axe-core is not installed at {AXE} (npm ci --ignore-scripts)")
    return AXE.read_text()


@pytest.fixture(scope="session")
def vnu_command():
    """The command that runs the W3C Nu HTML Checker with the system's Java."""
    java = shutil.which("java")
    require(java is not None, "Java is not installed (the Nu HTML Checker needs Java 17)")
    require(VNU.exists(), f"the Nu HTML Checker is not installed at {VNU} (npm ci --ignore-scripts)")
    return [java, "-Xss1024k", "-jar", str(VNU)]
