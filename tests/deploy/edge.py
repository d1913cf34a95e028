"""Run deploy/nginx's edge cache for a test: its rendered configuration, its own prefix and cache folder."""

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

NGINX = Path(settings.BASE_DIR) / "deploy" / "nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing; under CI=true, fail instead (.ci/run installs it)."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing tool is a failure)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, method: str = "GET", headers: dict | None = None, timeout: float = 10):
    """(status, headers, body) of one request, error statuses included."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextlib.contextmanager
def running_edge(tmp_path: Path, upstream: str, **variables: str):
    """nginx with the rendered deploy/nginx configuration in front of ``upstream``; yields its base URL."""
    require(bool(shutil.which("nginx") and PURGE_MODULE.exists() and shutil.which("envsubst")),
            "nginx with ngx_cache_purge is not installed (apt-get install nginx libnginx-mod-http-cache-purge)")
    (tmp_path / "logs").mkdir(exist_ok=True)
    port = free_port()
    variables = {"LISTEN": f"127.0.0.1:{port}", "APP_UPSTREAM": upstream, "MEDIA_ROOT": str(tmp_path / "media"),
                 "CACHE_DIR": str(tmp_path / "cache"), **variables}
    site = subprocess.run(["sh", str(NGINX / "render.sh")], env={**os.environ, **variables},
                          capture_output=True, text=True, check=True).stdout
    (tmp_path / "site.conf").write_text(site)
    # Workers of a root master run as nobody by default, and pytest's temporary folders are private.
    user = "user root root;" if os.geteuid() == 0 else ""
    temp = " ".join(f"{kind}_temp_path {tmp_path / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"load_module {PURGE_MODULE};\n{user}\nworker_processes 1;\ndaemon off;\npid {tmp_path / 'nginx.pid'};\n"
        f"error_log {tmp_path / 'logs' / 'error.log'} warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; {temp} include {tmp_path / 'site.conf'}; }}\n"
    )
    nginx = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "logs" / "error.log")],
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and nginx.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    assert nginx.poll() is None, nginx.stderr.read()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    log = (tmp_path / "logs" / "error.log").read_text()
    assert "exited on signal" not in log, log
