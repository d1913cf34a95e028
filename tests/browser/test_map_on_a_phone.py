"""The network's map on a 320 and a 375 px phone: every marker a 24 × 24 px touch target, none on top of another."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.usefixtures("live_site")

TARGETS = """() => [...document.querySelectorAll("svg.world-map__svg a.world-map__marker")].map(a => {
    const r = a.querySelector("circle").getBoundingClientRect();
    return {href: a.getAttribute("href"), x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height};
})"""

PAGES = ["/da/", "/sv/", "/da/partnerskab-med-giid/giid-netvaerket/",
         "/da/partnerskab-med-giid/giid-netvaerket/?continent=north-america",
         "/sv/partnerskap-med-giid/giid-natverket/?country=AU"]


@pytest.mark.parametrize("width", [320, 375, DESKTOP["width"]])
@pytest.mark.parametrize("path", PAGES)
def test_every_marker_is_a_separate_24_px_touch_target(chromium, live_site, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_site.url + path)
        targets = page.evaluate(TARGETS)
        assert targets
        for target in targets:
            assert target["width"] >= 24 and target["height"] >= 24, target
        # WCAG 2.2 SC 2.5.8: a 24 px circle around each target's centre meets no other target's.
        for index, one in enumerate(targets):
            for other in targets[index + 1:]:
                distance = ((one["x"] - other["x"]) ** 2 + (one["y"] - other["y"]) ** 2) ** 0.5
                assert distance >= 24, (one, other)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    finally:
        context.close()
