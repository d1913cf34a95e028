"""A link check over the whole site in each supported production setup: no broken address.

Each setup is a throwaway site under production settings (DEBUG off, so Django serves no
media), with the seeded content plus images and a document (tests/deploy/site_media.py):

- gunicorn behind the nginx edge of deploy/nginx, media on the local disk, served by the edge;
- gunicorn alone, media in an S3 bucket (moto in server mode), images straight from the bucket.

Gunicorn alone with media on the local disk is not a supported setup (deploy/README.md): nothing
would serve /media/.

The crawl starts at both front pages, follows every internal link, and checks every address a
page refers to: pages, images and their renditions (src and srcset), static files and documents.
"""

import html
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from django.conf import settings

from tests.s3 import new_bucket, s3_environment
from tests.sciencecity.test_security import directives
from tests.sites import LOADED

from .edge import free_port, running_edge
from .test_workers import manage, production_env

REFERENCE = re.compile(r'\s(href|src|srcset|action)="([^"]*)"')
MAX_ADDRESSES = 3000


def start_site(env: dict, site_databases, folder, static_root):
    """Copy the seeded site (tests/sites.py), add the media, use the collected static files and start gunicorn; its process and base URL."""
    env["DATABASE_URL"] = site_databases.sqlite(LOADED, folder / "db.sqlite3")
    env["STATIC_ROOT"] = static_root
    result = subprocess.run([sys.executable, "-m", "tests.deploy.site_media"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "sciencecity.wsgi"],
                               cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{env['PORT']}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/health/", timeout=5).close()  # noqa: S310 - our own server
            return process, base
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "gunicorn did not start"
            time.sleep(0.3)


def references(page: str) -> list[str]:
    """Every address a page refers to: links, sources, each candidate of a srcset, form actions."""
    found = []
    for attribute, value in REFERENCE.findall(page):
        value = html.unescape(value).strip()
        if attribute == "srcset":  # "url 480w, url 960w"
            found.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
        else:
            found.append(value)
    return found


def kind(url: str) -> str:
    """What an address is, for the report: a rendition, an original image, a document, a static file or a page."""
    path = urlsplit(url).path
    for part, name in (("/static/", "static"), ("/images/", "rendition"), ("/original_images/", "original"), ("/documents/", "document")):
        if part in path:
            return name
    return "page"


def crawl(base: str, media_origin: str) -> tuple[dict, Counter, set]:
    """Follow the site from its front pages: the broken addresses ({url: (status, first page referring to it)}), the kinds and addresses checked."""
    own = (base, media_origin)
    queue, seen, broken, kinds = [f"{base}/da/", f"{base}/sv/"], set(), {}, Counter()
    referrer = {url: "(start)" for url in queue}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        assert len(seen) < MAX_ADDRESSES, "the crawl does not end"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own servers
                status, content_type, body = response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            status, content_type, body = error.code, "", b""
        kinds[kind(url)] += 1
        if status >= 400:
            broken[url] = (status, referrer[url])
            continue
        if not (url.startswith(base) and content_type.startswith("text/html")):
            continue
        for reference in references(body.decode()):
            target = urljoin(url, reference)
            parts = urlsplit(target)
            target = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
            if target.startswith(own) and "/admin/" not in parts.path and target not in seen:
                referrer.setdefault(target, url)
                queue.append(target)
    return broken, kinds, seen


def assert_nothing_broken(base: str, media_origin: str) -> set:
    """Crawl the site: every address works, and pages, renditions, a document and static files were among them; the addresses."""
    broken, kinds, seen = crawl(base, media_origin)
    assert broken == {}, f"{len(broken)} broken addresses, e.g. {sorted(broken.items())[:10]}"
    assert kinds["page"] > 40 and kinds["static"] and kinds["document"], kinds
    assert kinds["rendition"] >= 6, kinds  # three formats × two widths at least
    return seen


@pytest.mark.throwaway_site
@pytest.mark.nginx
def test_behind_the_edge_with_media_on_the_local_disk_nothing_is_broken(tmp_path, site_databases, production_static):
    port = free_port()
    env = production_env(tmp_path, port)
    env["WEB_CONCURRENCY"] = "2"
    process, _app = start_site(env, site_databases, tmp_path, production_static)
    try:
        edge_folder = tmp_path / "edge"
        edge_folder.mkdir()
        with running_edge(edge_folder, upstream=f"127.0.0.1:{port}", MEDIA_ROOT=str(tmp_path / "media"),
                          PUBLIC_SCHEME="http") as (edge, _media):
            assert_nothing_broken(edge, edge)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.throwaway_site
def test_gunicorn_alone_with_media_on_s3_nothing_is_broken(tmp_path, s3_endpoint, site_databases, production_static):
    port = free_port()
    bucket = new_bucket()
    env = {**production_env(tmp_path, port), **s3_environment(s3_endpoint, bucket), "WEB_CONCURRENCY": "2"}
    manage(env, "prepare_media_bucket")
    process, base = start_site(env, site_databases, tmp_path, production_static)
    try:
        seen = assert_nothing_broken(base, f"{s3_endpoint}/{bucket}/")
        renditions = [url for url in seen if kind(url) == "rendition"]
        elsewhere = [url for url in renditions if not url.startswith(f"{s3_endpoint}/{bucket}/images/")]
        assert renditions and not elsewhere, elsewhere
        with urllib.request.urlopen(f"{base}/da/", timeout=10) as response:  # noqa: S310 - our own server
            policy = response.headers["Content-Security-Policy"]
        # django-csp writes the directives in no fixed order: read them, not the header's text.
        assert directives(policy)["img-src"] == {"'self'", s3_endpoint}, policy
        assert not (tmp_path / "media").exists(), "media went to the local disk"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_reference_compose_file_offers_minio_without_changing_the_default_stack():
    compose = (settings.BASE_DIR / "deploy" / "docker" / "compose.yaml").read_text()
    minio = re.search(r"^  minio:\n(.*?)^  \S", compose, re.S | re.M).group(1)
    assert "profiles: [s3]" in minio, "MinIO must start only when asked for"
    # Without a bucket in .env, the application keeps its media on the volume the edge serves.
    for variable in ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        assert f"  {variable}: ${{{variable}:-}}\n" in compose
    migrate = re.search(r"^  migrate:\n(.*?)^  \S", compose, re.S | re.M).group(1)
    assert "prepare_media_bucket" in migrate and re.search(r"minio:\n\s+condition: service_healthy\n\s+required: false", migrate)
