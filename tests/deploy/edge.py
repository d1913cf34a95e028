"""nginx with deploy/nginx's rendered configuration, in its own prefix, in front of a stand-in application."""

import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings

from tests.services import PURGE_MODULE, SERVICES, nginx_available, require

NGINX = Path(settings.BASE_DIR) / "deploy" / "nginx"


class EchoApp(BaseHTTPRequestHandler):
    """Answers every request with the forwarding headers it received, one `Name: value` a line."""

    echoed = ("X-Forwarded-For", "X-Real-IP", "X-Forwarded-Proto")

    def do_GET(self):  # noqa: N802 - http.server's naming
        body = "".join(f"{name}: {self.headers.get(name)}\n" for name in self.echoed).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_nginx() -> None:
    """Skip without nginx and ngx_cache_purge; under CI=true, fail instead."""
    require(nginx_available(), SERVICES["nginx"][1])


@contextmanager
def running_edge(tmp_path: Path, handler=EchoApp, upstream: str | None = None, **variables):
    """Start nginx on a free port with render.sh's output for these variables; yield (base URL, media folder).

    nginx stands in front of ``upstream`` (host:port, e.g. the live site) or else of ``handler``.
    """
    require_nginx()
    app = None
    if upstream is None:
        app = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=app.serve_forever, daemon=True).start()
        upstream = f"127.0.0.1:{app.server_port}"
    (tmp_path / "logs").mkdir()
    media = tmp_path / "media"
    media.mkdir()
    port = free_port()
    variables = {"LISTEN": f"127.0.0.1:{port}", "APP_UPSTREAM": upstream,
                 "MEDIA_ROOT": str(media), "CACHE_DIR": str(tmp_path / "cache"), **variables}
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
    nginx = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                              "-e", str(tmp_path / "logs" / "error.log")], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and nginx.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        assert nginx.poll() is None, nginx.stderr.read()
        yield f"http://127.0.0.1:{port}", media
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        if app is not None:
            app.shutdown()


def fetch(url: str, method: str = "GET", headers: dict | None = None, timeout: float = 10):
    """(status, headers, body) of one request, error statuses included."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def raw_get(base: str, path: str, headers: dict[str, str] | None = None, source: str = "127.0.0.1",
            host: str = "127.0.0.1", method: str = "GET") -> tuple[int, dict, bytes]:
    """(status, headers with lower-case names, body) of a request sent as is (no redirect followed, no
    escaping) from the given local source address."""
    port = int(base.rsplit(":", 1)[1])
    lines = [f"{method} {path} HTTP/1.0", f"Host: {host}", *(f"{name}: {value}" for name, value in (headers or {}).items())]
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _blank, body = response.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    received: dict[str, str] = {}
    for line in header_lines:
        name, _colon, value = line.partition(":")
        received.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split()[1]), received, body
