"""Benchmark the site against nginx serving a plain file: gunicorn alone and the edge, every kind of page, both languages.

    .venv/bin/python bench/run.py [--duration 10] [--connections 10] [--threads 2] [--database-url URL] [--keep]

Run on demand only, never in CI or the test suite: it takes about ten minutes and
loads this machine. Everything it starts listens on 127.0.0.1 and is stopped at the
end; every load run is bounded by --duration. See bench/README.md.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy" / "docker"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_context import copy_context  # noqa: E402
from report import Load, Row, edge_note, load_average, machine, parse_wrk, table, targets  # noqa: E402

PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
TOOLS = {
    "wrk": "apt-get install wrk",
    "nginx": "apt-get install nginx libnginx-mod-http-cache-purge",
    "envsubst": "apt-get install gettext-base",
}
KINDS = ["home", "partnership", "network", "district", "network filter", "workshops", "workshop", "workshops filter", "search"]
SEARCH_QUERY = "Lyngby"
FILTERS = {"network filter": ("network", "?continent=europe"), "workshops filter": ("workshops", "?topic=talent")}


def say(message: str) -> None:
    """Progress on standard error, so the table on standard output stays clean."""
    print(message, file=sys.stderr, flush=True)


def missing_tools() -> list[str]:
    """What this benchmark needs and does not find, each with how to install it."""
    missing = [f"{tool} is not installed: {hint}" for tool, hint in TOOLS.items() if not shutil.which(tool)]
    if not PURGE_MODULE.exists():
        missing.append("nginx's cache purge module is not installed: apt-get install libnginx-mod-http-cache-purge")
    return missing


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, host: str, timeout: float = 10):
    """(status, headers, body text) of one GET with the site's Host header."""
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


class Bench:
    """The prepared site in a temporary folder, and the processes serving it."""

    def __init__(self, args):
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="sciencecity-bench-"))
        # nginx's workers (nobody, when started as root) read and write below it.
        self.work.chmod(0o755)
        self.app = self.work / "app"
        self.logs = self.work / "logs"
        self.logs.mkdir()
        self.app_port, self.plain_port, self.edge_port = free_port(), free_port(), free_port()
        self.gunicorn = None
        self.worker = None
        self.nginx = None
        self.host = "localhost"
        database = args.database_url or f"sqlite:///{self.work / 'db.sqlite3'}"
        self.env = {
            **{name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG")},
            **({"REDIS_URL": args.redis_url} if args.redis_url else {}),
            "DJANGO_SETTINGS_MODULE": "sciencecity.settings.production",
            "SECRET_KEY": "bench-only-key-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.edge_port}",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database,
            "MEDIA_ROOT": str(self.work / "media"),
            # A release of its own, so a shared Redis holds nothing of an earlier run for it.
            "RELEASE": f"bench-{time.time():.0f}",
        }
        # For the server and the publishing check only: while the content loads, no edge runs yet.
        # Wagtail purges published pages from it when the settings wire WAGTAILFRONTENDCACHE.
        self.purging = {"FRONTEND_CACHE_URL": f"http://127.0.0.1:{self.edge_port}"}

    # --- preparation -------------------------------------------------------

    def manage(self, *args: str, extra: dict | None = None, log: str | None = None) -> subprocess.Popen:
        """Start ``manage.py`` in the copy with production settings; output to a log file."""
        output = open(self.logs / f"{log or args[0]}.log", "a")  # noqa: SIM115 - closed with the process
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=self.app, env={**self.env, **(extra or {})},
                                stdout=output, stderr=subprocess.STDOUT)

    def wait(self, process: subprocess.Popen, what: str, timeout: int = 600) -> None:
        """Wait for a preparation step; stop the benchmark with its log when it fails."""
        if process.wait(timeout=timeout) != 0:
            raise SystemExit(f"{what} failed; see the logs in {self.logs} (kept)")

    def prepare(self) -> None:
        """The build context copied, the database migrated and filled, static files and translations built."""
        started = time.monotonic()
        copy_context(REPO, self.app)
        say(f"preparing the site in {self.work} (migrate, load_site_content, collectstatic, compilemessages) ...")
        static = self.manage("collectstatic", "--no-input")
        migrate = self.manage("migrate", "--no-input")
        self.wait(migrate, "migrate")
        load = self.manage("load_site_content")
        self.wait(static, "collectstatic")
        messages = self.manage("compilemessages")
        self.wait(load, "load_site_content")
        self.wait(messages, "compilemessages")
        say(f"prepared in {time.monotonic() - started:.0f} s")

    # --- servers -----------------------------------------------------------

    def start_worker(self) -> None:
        """The purge queue's worker (``db_worker --backend purge``)."""
        self.worker = self.manage("db_worker", "--backend", "purge", extra=self.purging, log="purge-worker")

    def start_gunicorn(self, workers: int = 2, extra: dict | None = None) -> None:
        """gunicorn with production settings and gunicorn.conf.py, two workers; and the purge queue's worker."""
        self.stop_gunicorn()
        self.start_worker()
        env = {**self.env, **self.purging, "HOST": "127.0.0.1", "PORT": str(self.app_port), "WEB_CONCURRENCY": str(workers),
               "GUNICORN_LOG_LEVEL": "warning", **(extra or {})}
        gunicorn = Path(sys.executable).parent / "gunicorn"
        output = open(self.logs / "gunicorn.log", "a")  # noqa: SIM115
        self.gunicorn = subprocess.Popen([str(gunicorn), "sciencecity.wsgi"], cwd=self.app, env=env,
                                         stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {output.name}")
            try:
                if fetch(f"http://127.0.0.1:{self.app_port}/health/", "127.0.0.1", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not become healthy within 60 s; see {output.name}")

    def stop_gunicorn(self) -> None:
        """Stop gunicorn (its master and workers) and the purge worker if they run."""
        if self.worker and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=30)
        self.worker = None
        if self.gunicorn and self.gunicorn.poll() is None:
            self.gunicorn.terminate()
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.gunicorn.pid, signal.SIGKILL)
                self.gunicorn.wait()
        self.gunicorn = None

    def start_nginx(self, home_html: str, server_name: str = "_") -> None:
        """One private nginx: the saved home page as a plain file, and the edge cache from deploy/nginx."""
        prefix = self.work / "nginx"
        (prefix / "plain").mkdir(parents=True)
        (prefix / "plain" / "home.html").write_text(home_html)
        variables = {"LISTEN": f"127.0.0.1:{self.edge_port}", "APP_UPSTREAM": f"127.0.0.1:{self.app_port}",
                     "MEDIA_ROOT": str(self.work / "media"), "CACHE_DIR": str(prefix / "cache"),
                     "SERVER_NAME": server_name, "PUBLIC_SCHEME": "http", "PURGE_FROM": ""}
        site = subprocess.run(["sh", str(REPO / "deploy" / "nginx" / "render.sh")], env={**os.environ, **variables},
                              capture_output=True, text=True, check=True).stdout
        (prefix / "sciencecity.conf").write_text(site)
        temp = " ".join(f"{kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (prefix / "nginx.conf").write_text(f"""load_module {PURGE_MODULE};
worker_processes auto;
daemon off;
pid {prefix / 'nginx.pid'};
error_log {self.logs / 'nginx-error.log'} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    {temp}
    server {{
        listen 127.0.0.1:{self.plain_port};
        root {prefix / 'plain'};
        default_type text/html;
    }}
    include {prefix / 'sciencecity.conf'};
}}
""")
        self.nginx = subprocess.Popen(["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(self.logs / "nginx-error.log")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.nginx.poll() is not None:
                raise SystemExit(f"nginx stopped; see {self.logs / 'nginx-error.log'}")
            try:
                socket.create_connection(("127.0.0.1", self.edge_port), timeout=1).close()
                socket.create_connection(("127.0.0.1", self.plain_port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("nginx did not start within 10 s")

    def stop(self) -> None:
        """Stop everything this benchmark started, and remove its folder unless --keep."""
        self.stop_gunicorn()
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        if self.args.keep:
            say(f"kept {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    # --- what to load ------------------------------------------------------

    def discover(self) -> tuple[list[tuple[str, str, str]], str]:
        """One URL of each kind per language, from the page tree and the running site's sitemap; and the static file."""
        script = (
            "import json; from django.conf import settings; from django.urls import reverse; "
            "from django.utils import translation; "
            "from wagtail.models import Site; "
            "from partnerships.models import HomePage, PartnershipPage, NetworkPage, WorkshopsPage; "
            "models = {'home': HomePage, 'partnership': PartnershipPage, 'network': NetworkPage, 'workshops': WorkshopsPage}; "
            "out = {}\n"
            "for code, _name in settings.LANGUAGES:\n"
            "    pages = {kind: model.objects.live().filter(locale__language_code=code).order_by('path').first() for kind, model in models.items()}\n"
            "    out[code] = {kind: page.url if page else None for kind, page in pages.items()}\n"
            "    with translation.override(code): out[code]['search'] = reverse('search')\n"
            "print('SITE ' + Site.objects.get(is_default_site=True).root_url)\n"
            "print('URLS ' + json.dumps(out))"
        )
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=self.app, env=self.env,
                                capture_output=True, text=True, timeout=120)
        line = next((line for line in result.stdout.splitlines() if line.startswith("URLS ")), None)
        if not line:
            raise SystemExit(f"could not list the pages:\n{result.stderr[-2000:]}")
        pages = json.loads(line.removeprefix("URLS "))
        # The Site's own host name: Wagtail's purges name it, so the load uses it too.
        site = next(line for line in result.stdout.splitlines() if line.startswith("SITE "))
        self.host = urllib.parse.urlsplit(site.removeprefix("SITE ")).hostname

        app = f"http://127.0.0.1:{self.app_port}"
        _status, _headers, sitemap = fetch(f"{app}/sitemap.xml", self.host)
        locations = [element.text for element in ElementTree.fromstring(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        paths = [urllib.parse.urlsplit(location).path for location in locations]

        urls = []
        for language, kinds in pages.items():
            below = {"district": kinds["network"], "workshop": kinds["workshops"]}
            for kind in KINDS:
                if kind == "search":
                    path = f"{kinds['search']}?q={SEARCH_QUERY}"
                elif kind in FILTERS:
                    page, query = FILTERS[kind]
                    path = kinds[page] + query if kinds[page] else None
                elif kind in below:
                    parent = below[kind]
                    path = next((p for p in paths if parent and p.startswith(parent) and p != parent), None)
                else:
                    path = kinds[kind] if kinds[kind] in paths else None
                if path:
                    urls.append((kind, language, path))
                else:
                    say(f"no {kind} page in {language}: left out")

        # The settings list the default language first, and the JSON keeps their order.
        default_language = next(iter(pages))
        _status, _headers, home = fetch(app + pages[default_language]["home"], self.host)
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home)
        if not stylesheet:
            raise SystemExit("the home page links no hashed site.css: were static files collected?")
        return urls, stylesheet.group(1)

    # --- load --------------------------------------------------------------

    def wrk(self, url: str, host: str | None) -> Load:
        """Load one URL for --duration seconds with wrk; its throughput, median and 99th percentile, errors."""
        command = ["wrk", f"-t{self.args.threads}", f"-c{self.args.connections}", f"-d{self.args.duration}s", "--latency"]
        if host:
            command += ["-H", f"Host: {host}"]
        result = subprocess.run([*command, url], capture_output=True, text=True, timeout=self.args.duration + 60)
        return parse_wrk(result.stdout + result.stderr)

    def measure(self, layer: str, base: str, urls, static: str) -> list[Row]:
        """Every URL through one layer: a warm-up request (it must answer 200), then wrk."""
        rows = []
        for kind, language, path in [*urls, ("static file", "", static)]:
            status = fetch(base + path, self.host)[0]
            if status != 200:
                say(f"  {path} answered {status} before the load")
            load = self.wrk(base + path, self.host)
            edge = fetch(base + path, self.host)[1].get("X-Cache-Status", "") if layer == "edge cache" else ""
            rows.append(Row(layer, kind, language, path, load, edge or ""))
            say(f"  {layer:<14} {kind:<12} {language:<3} {load.requests_per_second:9.1f} req/s  p99 {load.p99_ms:7.1f} ms  {edge}")
        return rows

    def publish_through_the_edge(self, home: str) -> list[str]:
        """Publish a new introduction on the default language's home page under load; is it visible at the edge within 2 s?"""
        edge = f"http://127.0.0.1:{self.edge_port}{home}"
        background = subprocess.Popen(["wrk", "-t1", f"-c{max(1, self.args.connections // 2)}", f"-d{min(10, self.args.duration)}s",
                                       "-H", f"Host: {self.host}", edge], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        before = fetch(edge, self.host)[1].get("X-Cache-Status", "")
        text = f"Benchmark-ændring {time.time():.0f}"
        script = (
            "import os; from django.conf import settings; from partnerships.models import HomePage; "
            "page = HomePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first(); "
            "old = page.introduction; page.introduction = os.environ['BENCH_TEXT']; page.save_revision().publish(); "
            "print('PURGE ' + str(bool(settings.WAGTAILFRONTENDCACHE))); import json; print('OLD ' + json.dumps(old))"
        )
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=self.app,
                                env={**self.env, **self.purging, "BENCH_TEXT": text}, capture_output=True, text=True, timeout=120)
        published = time.monotonic()
        seen = None
        while time.monotonic() - published < 10:
            if text in fetch(edge, self.host)[2]:
                seen = time.monotonic() - published
                break
            time.sleep(0.05)
        background.wait(timeout=self.args.duration + 60)
        purge = "PURGE True" in result.stdout
        old = next((json.loads(line[4:]) for line in result.stdout.splitlines() if line.startswith("OLD ")), None)
        if old is not None:
            # Put the page back as it was, so a database given with --database-url is left as found.
            restore = script.replace("os.environ['BENCH_TEXT']", "os.environ['BENCH_OLD']")
            subprocess.run([sys.executable, "manage.py", "shell", "-c", restore], cwd=self.app,
                           env={**self.env, **self.purging, "BENCH_OLD": old}, capture_output=True, timeout=120)
        if result.returncode != 0:
            return [f"publishing failed: {result.stderr.strip().splitlines()[-1:]}"]
        verdict = f"visible through the edge {seen * 1000:.0f} ms after publishing" if seen is not None else "not visible through the edge within 10 s"
        return [
            f"publish on the default language's home page under load: {'VISIBLE within 2 s' if seen is not None and seen <= 2 else 'NOT visible within 2 s'} ({verdict})",
            f"  the edge had the page as {before or 'no X-Cache-Status'} before publishing; "
            f"purge on publish is {'configured' if purge else 'not configured in the settings (WAGTAILFRONTENDCACHE)'}",
        ]


def local_redis() -> str | None:
    """A Redis on this machine, if one answers: with more than one process, only a shared cache lets a
    publish in one process (here, the publishing check's) show in the others at once."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return "redis://127.0.0.1:6379/14" if connection.recv(16).startswith(b"+PONG") else None
    except OSError:
        return None


def main() -> int:
    """Prepare, start, load each layer, check publishing through the edge, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--connections", type=int, default=10, help="wrk connections (default 10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--database-url", help="an existing database to use instead of a fresh SQLite file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, database) afterwards")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or local_redis(),
                        help="the shared cache, as in production (default: REDIS_URL, else a Redis on 127.0.0.1:6379, "
                             "database 14, if one answers; else each process caches in its own memory)")
    args = parser.parse_args()
    if not 1 <= args.duration <= 120:
        parser.error("--duration must be between 1 and 120 seconds")
    if missing := missing_tools():
        print("\n".join(missing), file=sys.stderr)
        return 2

    bench = Bench(args)
    load_before = load_average()
    try:
        bench.prepare()
        bench.start_gunicorn()
        urls, static = bench.discover()
        # The default language's home page: the URLs come in the settings' order of languages.
        home = next(path for kind, _language, path in urls if kind == "home")
        bench.start_nginx(fetch(f"http://127.0.0.1:{bench.app_port}{home}", bench.host)[2])

        say("plain file through nginx ...")
        plain = bench.wrk(f"http://127.0.0.1:{bench.plain_port}/home.html", None)
        rows = bench.measure("gunicorn", f"http://127.0.0.1:{bench.app_port}", urls, static)
        rows += bench.measure("edge cache", f"http://127.0.0.1:{bench.edge_port}", urls, static)
        publishing = bench.publish_through_the_edge(home)
    finally:
        bench.stop()

    database = "the database given" if args.database_url else "a fresh SQLite database"
    cache = "Redis (REDIS_URL)" if bench.env.get("REDIS_URL") else "the database (no REDIS_URL)"
    print(f"Science City Lyngby benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}; load average {load_before} before, {load_average()} after ({os.cpu_count()} CPUs)")
    print(f"load:    wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, Host: {bench.host}, 127.0.0.1 only")
    print(f"app:     gunicorn (gunicorn.conf.py, 2 sync workers), production settings, {database}, Django cache in {cache}")
    print(f"plain:   nginx serving the saved home page (default language) as a file: {plain.requests_per_second:.1f} req/s, "
          f"p50 {plain.p50_ms:.2f} ms, p99 {plain.p99_ms:.2f} ms, {plain.errors} errors")
    print()
    print(table(rows, plain))
    print()
    print("\n".join(targets(rows, plain) + edge_note(rows)))
    print("\n".join(publishing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
