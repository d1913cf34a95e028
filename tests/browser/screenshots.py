"""Screenshots of every page type in every language at 320, 768 and 1280 px, for people to look at.

    .venv/bin/python tests/browser/screenshots.py FOLDER [more pytest arguments]

Run on demand, never in the suite: pytest collects ``test_*.py`` only, so this
module runs when named, through the browser harness (the live site with its
content, Debian's Chromium). Each page type's first page per language, the
search page and the 404 page, full length, one PNG each: ``{language}-{kind}-{width}.png``
in FOLDER, with ``index.txt`` listing each file with its address and the header's
height.
"""

import os
import sys
from pathlib import Path

import pytest

WIDTHS = (320, 768, 1280)
FOLDER_VARIABLE = "SCREENSHOTS_FOLDER"


def kind_of(source: str) -> str:
    """A short name for what put an address on the site's list: "home", "district", "search", "404"."""
    name = source.rsplit(":", 1)[-1].rsplit(".", 1)[-1]
    return name.removesuffix("Page").lower() or name


def test_screenshots(chromium, live_site):
    # Imported here: run as a script, the project is on the path only once pytest has started.
    from tests.site_urls import collect_site_urls

    folder = os.environ.get(FOLDER_VARIABLE)
    if not folder:
        pytest.skip(f"run as: python {__file__} FOLDER")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    first = {}
    for url in collect_site_urls():
        if url.kind == "html":
            first.setdefault((url.language, kind_of(url.source)), url.path)
    lines = []
    for width in WIDTHS:
        context = chromium.new_context(viewport={"width": width, "height": 900 if width > 320 else 640})
        page = context.new_page()
        for (language, kind), path in sorted(first.items()):
            page.goto(live_site.url + path)
            page.wait_for_load_state("networkidle")
            name = f"{language}-{kind}-{width}.png"
            page.screenshot(path=str(folder / name), full_page=True)
            header = page.evaluate("(document.querySelector('.site-header') || {}).offsetHeight || 0")
            lines.append(f"{name}\t{path}\theader {header} px")
        context.close()
    (folder / "index.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    os.environ[FOLDER_VARIABLE] = str(Path(sys.argv[1]).resolve())
    os.chdir(Path(__file__).resolve().parents[2])
    raise SystemExit(pytest.main([str(Path(__file__).resolve()), "-q", "-p", "no:cacheprovider", *sys.argv[2:]]))
