"""Lighthouse on each page type, on a phone and on a desktop: prints the four category scores and any audit below 1.

    make run                      # in another terminal: the site on 127.0.0.1:8000
    python bench/lighthouse.py [BASE_URL [PART_OF_AN_ADDRESS ...]]

On demand, never in the suite (a run takes about 15 s per page and form factor). It runs
Lighthouse 12.2 (the newest that runs on Node 20) through npx, with Debian's Chromium.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = [
    "/da/", "/da/partnerskab-med-giid/", "/da/partnerskab-med-giid/giid-netvaerket/",
    "/da/partnerskab-med-giid/giid-netvaerket/galway-city-innovation-district/",
    "/da/partnerskab-med-giid/workshops/", "/da/partnerskab-med-giid/workshops/investing-in-startups/",
    "/da/samarbejde-med-lund/", "/da/tilgaengelighedserklaering/", "/da/soeg/?q=innovation",
    "/sv/", "/en/partnership-with-giid/giid-network/",
]
FLAGS = "--headless=new --no-sandbox --disable-gpu --proxy-server=http://127.0.0.1:9 --proxy-bypass-list=127.0.0.1;localhost"
CATEGORIES = "performance,accessibility,best-practices,seo"


def audit(url: str, preset: str | None) -> dict:
    """One Lighthouse run: the category scores and the weighted audits that scored below 1."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = ["npx", "--yes", "lighthouse@12.2.3", url, "--quiet", f"--chrome-flags={FLAGS}",
                   "--output=json", f"--output-path={report}", f"--only-categories={CATEGORIES}"]
        if preset:
            command.append(f"--preset={preset}")
        env = {"CHROME_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin:/usr/local/bin"}
        # Lighthouse now and then loses its own trace ("NO_NAVSTART"): that run says nothing of the page.
        for _attempt in range(3):
            if subprocess.run(command, env=env).returncode == 0:
                break
        else:
            raise SystemExit(f"Lighthouse failed three times on {url}")
        data = json.loads(report.read_text())
    scores = {name: category["score"] for name, category in data["categories"].items()}
    failing = [ref["id"] for category in data["categories"].values() for ref in category["auditRefs"]
               if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1]
    return {"scores": scores, "below_1": failing}


def main() -> None:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    # Further arguments: only the pages whose address contains one of them.
    only = sys.argv[2:]
    for path in [path for path in PAGES if not only or any(part in path for part in only)]:
        for preset in (None, "desktop"):
            result = audit(base + path, preset)
            scores = " ".join(f"{name}={round(score * 100)}" for name, score in result["scores"].items())
            print(f"{preset or 'mobile':8} {path:75} {scores} {' '.join(result['below_1'])}", flush=True)


if __name__ == "__main__":
    main()
