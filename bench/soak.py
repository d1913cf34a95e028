"""Soak and fault drill: visitors read while an editor publishes, and Redis, the purge worker, a gunicorn worker
and PostgreSQL fail in turn. Prints what visitors saw.

    .venv/bin/python bench/soak.py [--duration 600] [--visitors 6] [--keep]

Run on demand only (``make soak``), never in CI or the test suite. It needs wrk's
companions of ``make bench`` (nginx with its cache purge module), redis-server and
the PostgreSQL server on 127.0.0.1:5432 (``--postgres``), in which it creates a
database of its own and drops it at the end. It never stops the shared PostgreSQL
or Redis: it starts a Redis of its own, and the database's outage is a proxy of
its own refusing connections. Everything listens on and talks to 127.0.0.1 only,
and everything it started is stopped at the end. See bench/README.md.
"""

import argparse
import datetime
import html
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from faults import OwnRedis, SwitchableProxy, children, resident_mb  # noqa: E402
from report import load_average, machine  # noqa: E402
from run import Bench, missing_tools, say  # noqa: E402

STALE_AFTER = 2.0  # seconds after a publish from which the previous text counts as a stale read
MARKER = "Soak-ændring"

# The editor: one Django process that publishes and toggles privacy when told, and says when each commit is done.
EDITOR = r"""
import sys, time
from django.conf import settings
from django.db import close_old_connections, connection
from wagtail.models import PageViewRestriction
from wagtail.models import Page
from seeding.tools import seed_key
def seeded(key):
    return Page.objects.get(translation_key=seed_key(key), locale__language_code=settings.LANGUAGE_CODE).specific
published, private = seeded("giid-partnership"), seeded("lund-collaboration")
print("PAGES", published.pk, published.url, private.pk, private.url, flush=True)
print("TEXT", private.introduction[:60], flush=True)
for line in sys.stdin:
    command, _space, value = line.strip().partition(" ")
    try:
        if command == "publish":
            page = Page.objects.get(pk=published.pk).specific
            page.introduction = f"{page.introduction.split(' %s')[0]} %s {value}."
            page.save_revision().publish()
        elif command == "private":
            PageViewRestriction.objects.create(page_id=private.pk, restriction_type="password", password="soak-hemmelig-42")
        elif command == "public":
            PageViewRestriction.objects.filter(page_id=private.pk).delete()
        print("DONE", command, value, time.time(), flush=True)
    except Exception as error:
        print("FAILED", command, value, time.time(), type(error).__name__, flush=True)
        connection.close()
""" % (MARKER, MARKER)


class Read(NamedTuple):
    """One visitor's request: when it started and ended, through which layer, and what it got."""

    start: float
    end: float
    layer: str  # "edge" or "gunicorn"
    path: str
    status: int | str  # the HTTP status, or "error" for a connection that failed
    shown: int | bool | None  # the publish number the published page showed; whether the private page showed its text

    @property
    def failed(self) -> bool:
        return self.status == "error" or self.status >= 500


class Soak(Bench):
    """The bench's site on PostgreSQL (through a switchable proxy) and a Redis of its own, under a timed drill."""

    def __init__(self, args):
        self.redis = None
        self.proxy = SwitchableProxy(args.postgres_port)
        self.database = f"sciencecity_soak_{os.getpid()}"
        args.database_url = f"postgres://{args.postgres_user}@127.0.0.1:{self.proxy.port}/{self.database}"
        super().__init__(args)
        self.redis = OwnRedis(self.work)
        self.redis.start()
        self.env["REDIS_URL"] = self.redis.url
        self.editor = None
        self.records: list[Read] = []
        self.events: list[tuple[float, str]] = []
        self.windows: dict[str, list[float]] = {}
        self.published: list[tuple[int, float]] = []  # (number, when its commit and purge were done)
        self.privacy: list[tuple[float, bool]] = []  # (when the change was committed and purged, private or not)
        self.private_text = ""
        self.stop_visitors = threading.Event()
        self.worker_exited_at: float | None = None
        self.worker_starting: tuple[str, int] | None = None

    def psql(self, statement: str) -> None:
        """One statement on the real server's maintenance database (not through the proxy)."""
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.args.postgres_port), "-U", self.args.postgres_user,
                        "-d", "postgres", "-qc", statement], check=True, capture_output=True, timeout=60)

    def note(self, what: str) -> None:
        self.events.append((time.monotonic(), what))
        say(f"  {time.monotonic() - self.started:6.1f} s  {what}")

    # --- the editor ----------------------------------------------------------

    def start_editor(self) -> tuple[str, str]:
        self.editor = subprocess.Popen([sys.executable, "manage.py", "shell", "--no-imports", "-c", EDITOR], cwd=self.app,
                                       env={**self.env, **self.purging}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=open(self.logs / "editor.log", "a"), text=True)  # noqa: SIM115
        words = []
        for _line in range(20):  # the shell may say first what it imported
            words = self.editor.stdout.readline().split()
            if not words or words[0] == "PAGES":
                break
        if not words or words[0] != "PAGES":
            tail = (self.logs / "editor.log").read_text()[-2000:]
            raise SystemExit(f"the editor did not start ({' '.join(words)[:200]}):\n{tail}")
        self.private_text = self.editor.stdout.readline().removeprefix("TEXT ").strip()
        threading.Thread(target=self._editor_answers, daemon=True).start()
        return words[2], words[4]

    def _editor_answers(self) -> None:
        for line in self.editor.stdout:
            words = line.split()
            if not words:
                continue
            if words[:2] == ["DONE", "publish"]:
                self.published.append((int(words[2]), time.monotonic()))
            elif words[:2] in (["DONE", "private"], ["DONE", "public"]):
                self.privacy.append((time.monotonic(), words[1] == "private"))
            self.note(" ".join(words[:3]) if words[:2] == ["DONE", "publish"] else " ".join(words[:2]))

    def tell(self, command: str) -> None:
        if command == "public":
            # The restriction may be gone from the moment the editor begins (the commit comes before the purge it waits for).
            self.privacy.append((time.monotonic(), False))
        self.editor.stdin.write(command + "\n")
        self.editor.stdin.flush()

    # --- visitors ------------------------------------------------------------

    def visitor(self, urls: list[tuple[str, str]], offset: int) -> None:
        index = offset
        while not self.stop_visitors.is_set():
            layer, path = urls[index % len(urls)]
            index += 1
            base = self.edge_base if layer == "edge" else self.app_base
            started = time.monotonic()
            request = urllib.request.Request(base + path, headers={"Host": self.host})
            try:
                with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - 127.0.0.1 only
                    status, body = response.status, response.read().decode("utf-8", "replace")
            except urllib.error.HTTPError as error:
                status, body = error.code, ""
            except OSError:
                status, body = "error", ""
            self.records.append(Read(started, time.monotonic(), layer, path, status, self.seen(path, body)))
            time.sleep(0.02)

    def seen(self, path: str, body: str):
        """The publish number a read of the published page showed, or whether the private page showed its text."""
        if path == self.published_path and MARKER in body:
            numbers = [text.split(".", 1)[0].strip() for text in body.split(MARKER)[1:]]
            return max((int(number) for number in numbers if number.isdigit()), default=None)
        if path == self.private_path:
            return self.private_text in body or html.escape(self.private_text) in body
        return None

    # --- the drill -----------------------------------------------------------

    def window(self, name: str, start: float, end: float | None = None) -> None:
        self.windows.setdefault(name, [start, end])
        if end is not None:
            self.windows[name][1] = end

    def drill(self) -> None:
        """The faults, one after another, while visitors read and the editor publishes every 10 s."""
        duration = self.args.duration
        plan = [
            (0.15, "kill Redis"), (0.25, "start Redis"), (0.30, "pause Redis"), (0.35, "resume Redis"),
            (0.40, "kill the purge worker"), (0.50, "start the purge worker"), (0.55, "kill a gunicorn worker"),
            (0.65, "refuse the database"), (0.65 + min(20, duration * 0.15) / duration, "allow the database"),
        ]
        privacy_every = min(60, duration / 3)
        next_publish, next_privacy, number, private = 5.0, privacy_every / 2, 0, False
        while (elapsed := time.monotonic() - self.started) < duration:
            while plan and elapsed >= plan[0][0] * duration:
                self.fault(plan.pop(0)[1])
            self.supervise()
            self.check_worker()
            if elapsed >= next_publish:
                number += 1
                self.tell(f"publish {number}")
                next_publish += 10
            if elapsed >= next_privacy:
                private = not private
                self.tell("private" if private else "public")
                next_privacy += privacy_every
            time.sleep(0.1)
        if private:
            self.tell("public")

    def expect_worker(self, window: str) -> None:
        """A purge worker was just started: ``window`` ends when it takes tasks (Django takes seconds to start)."""
        self.worker_starting = (window, (self.logs / "purge-worker.log").read_text().count("Starting worker"))

    def check_worker(self) -> None:
        """End the window of a purge worker that has started taking tasks, or stopped again."""
        if self.worker_starting is None:
            return
        window, before = self.worker_starting
        if (self.logs / "purge-worker.log").read_text().count("Starting worker") > before or self.worker.poll() is not None:
            self.windows[window][1] = time.monotonic()
            self.worker_starting = None

    def supervise(self) -> None:
        """Start the purge worker again 5 s after it stopped by itself, as systemd (Restart=always, RestartSec=5)
        and the compose file (restart: unless-stopped) do: it exits when the database goes away."""
        deliberate = "purge worker" in self.windows and self.windows["purge worker"][1] is None and self.worker_starting is None
        if deliberate or self.worker is None or self.worker.poll() is None:
            return
        now = time.monotonic()
        if self.worker_exited_at is None:
            self.worker_exited_at = now
            self.note(f"the purge worker stopped by itself (exit code {self.worker.returncode})")
            self.windows.setdefault("purge worker restarting", [now, None])
        elif now - self.worker_exited_at >= 5:
            self.start_worker()
            self.worker_exited_at = None
            self.expect_worker("purge worker restarting")
            self.note("started the purge worker again, as its service manager would")

    def fault(self, what: str) -> None:
        now = time.monotonic()
        self.note(what)
        if what == "kill Redis":
            self.redis.kill()
            self.window("Redis", now)
        elif what == "start Redis":
            self.redis.start()
            self.window("Redis", self.windows["Redis"][0], now)
        elif what == "pause Redis":
            self.redis.pause()
            self.window("Redis paused", now)
        elif what == "resume Redis":
            self.redis.resume()
            self.window("Redis paused", self.windows["Redis paused"][0], now)
        elif what == "kill the purge worker":
            self.worker.kill()
            self.worker.wait()
            self.window("purge worker", now)
        elif what == "start the purge worker":
            self.start_worker()
            self.expect_worker("purge worker")
        elif what == "kill a gunicorn worker":
            victim = children(self.gunicorn.pid)[0]
            os.kill(victim, signal.SIGKILL)
            self.killed_worker = victim
            self.window("gunicorn worker", now, now + 2)
        elif what == "refuse the database":
            self.proxy.refuse()
            self.window("PostgreSQL", now)
        elif what == "allow the database":
            self.proxy.allow()
            self.window("PostgreSQL", self.windows["PostgreSQL"][0], now)

    # --- the report ----------------------------------------------------------

    def overlaps(self, read: Read, *names: str, grace: float = 0.0) -> bool:
        """Whether the request was under way while one of the named faults lasted (or ``grace`` seconds after)."""
        return any(name in self.windows and read.start <= (self.windows[name][1] or read.end) + grace
                   and read.end >= self.windows[name][0] for name in names)

    def report(self, memory_start: dict[int, float], memory_end: dict[int, float]) -> tuple[list[str], bool]:
        """What visitors saw, fault by fault, and whether the targets were met."""
        records = sorted(self.records)
        failed = [read for read in records if read.failed]
        outside = [read for read in failed if not self.overlaps(read, "PostgreSQL", "gunicorn worker")]
        stale, stale_excused, leaks = [], [], []
        outages = ("Redis", "Redis paused", "purge worker", "PostgreSQL", "purge worker restarting")
        for read in records:
            if read.path == self.published_path and isinstance(read.shown, int):
                due = [number for number, done in self.published if done + STALE_AFTER < read.start]
                if due and read.shown < max(due):
                    (stale_excused if self.overlaps(read, *outages, grace=STALE_AFTER) else stale).append(read)
            # Private from before the request began until it ended: what it got was rendered while private.
            if read.path == self.private_path and read.shown is True and self.private_throughout(read):
                leaks.append(read)
        survivors = [pid for pid in memory_start if pid in memory_end and memory_start[pid]]
        before = sum(memory_start[pid] for pid in survivors) / max(1, len(survivors))
        after = sum(memory_end[pid] for pid in survivors) / max(1, len(survivors))
        growth = (after - before) / before * 100 if before else 0.0
        count = {layer: sum(1 for read in records if read.layer == layer) for layer in ("edge", "gunicorn")}
        lines = [
            f"requests: {len(records)} (through the edge {count['edge']}, straight from gunicorn {count['gunicorn']})",
            f"5xx: {sum(1 for read in failed if read.status != 'error')}, connection errors: "
            f"{sum(1 for read in failed if read.status == 'error')}; outside the database outage and the killed "
            f"gunicorn worker's requests: {len(outside)}" + "".join(f"\n  {self.describe(read)}" for read in outside[:10]),
            f"publishes: {len(self.published)} done; stale reads (previous text > {STALE_AFTER:.0f} s after a publish): "
            f"{len(stale)}, and {len(stale_excused)} while Redis, the purge worker or the database was down"
            + "".join(f"\n  {self.describe(read)}" for read in stale[:10]),
            f"private leaks (the private page's text served after its restriction committed and purged): {len(leaks)}"
            + "".join(f"\n  {self.describe(read)}" for read in leaks[:10]),
            f"gunicorn worker memory: {before:.1f} MB at the start, {after:.1f} MB at the end ({growth:+.1f} %, "
            f"the {len(survivors)} workers that lived through the run)",
            "faults:",
        ]
        for name, (start, end) in self.windows.items():
            during = [read for read in records if self.overlaps(read, name)]
            by_layer = {layer: (sum(1 for read in during if read.layer == layer and not read.failed),
                                sum(1 for read in during if read.layer == layer and read.failed)) for layer in ("edge", "gunicorn")}
            lines.append(f"  {name:<24} {start - self.started:5.1f}–{(end or start) - self.started:5.1f} s: "
                         f"edge {by_layer['edge'][0]} answered, {by_layer['edge'][1]} failed; gunicorn "
                         f"{by_layer['gunicorn'][0]} answered, {by_layer['gunicorn'][1]} failed; "
                         f"{'survived: both layers serve again' if self.recovered_after(end or start) else 'NOT serving again'}")
        met = not outside and not leaks and not stale and growth < 10 and all(
            self.recovered_after(end or start) for start, end in self.windows.values())
        lines.append("targets (0 5xx outside the database outage, 0 private leaks, 0 stale reads outside the outages, "
                     f"memory growth < 10 %, every fault survived): {'MET' if met else 'NOT MET'}")
        return lines, met

    def describe(self, read: Read) -> str:
        return (f"{read.start - self.started:6.1f}–{read.end - self.started:6.1f} s {read.layer:<8} {read.status} "
                f"{read.path} {'' if read.shown is None else f'(showed {read.shown})'}")

    def private_throughout(self, read: Read) -> bool:
        """Whether the page's restriction had been committed (and its purge done) before the request began, and
        was not lifted before it ended."""
        states = [private for when, private in self.privacy if when < read.start]
        return bool(states) and states[-1] and not any(read.start <= when <= read.end for when, _private in self.privacy)

    def recovered_after(self, moment: float) -> bool:
        """Whether both layers answered a visitor successfully within 10 s after ``moment``."""
        return all(any(read.layer == layer and not read.failed and moment < read.start <= moment + 10
                       for read in self.records) for layer in ("edge", "gunicorn"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds of the drill (default 600)")
    parser.add_argument("--visitors", type=int, default=6, help="visitors reading at once (default 6)")
    parser.add_argument("--postgres-port", type=int, default=5432, help="the PostgreSQL server on 127.0.0.1 (default 5432)")
    parser.add_argument("--postgres-user", default="postgres", help="a user that may create databases (default postgres)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs) afterwards")
    args = parser.parse_args()
    if not 60 <= args.duration <= 3600:
        parser.error("--duration must be between 60 and 3600 seconds")
    missing = missing_tools() + [f"{tool} is not installed" for tool in ("redis-server", "psql") if not _which(tool)]
    if missing:
        print("\n".join(missing), file=sys.stderr)
        return 2
    args.redis_url, args.threads, args.connections = None, 1, 1
    load_before = load_average()
    soak = Soak(args)
    met, lines, layered = False, [], []
    try:
        soak.psql(f'CREATE DATABASE "{soak.database}"')
        soak.prepare()
        soak.start_gunicorn(workers=3, extra={"GUNICORN_MAX_REQUESTS": "0"})
        urls, _static = soak.discover()
        soak.app_base, soak.edge_base = f"http://127.0.0.1:{soak.app_port}", f"http://127.0.0.1:{soak.edge_port}"
        home = next(path for kind, _language, path in urls if kind == "home")
        soak.start_nginx("", server_name=soak.host)
        soak.started = time.monotonic()
        soak.published_path, soak.private_path = soak.start_editor()
        paths = [home, soak.published_path, soak.private_path, *(path for _kind, _language, path in urls)]
        layered = [(layer, path) for path in paths for layer in ("edge", "gunicorn")]
        visitors = [threading.Thread(target=soak.visitor, args=(layered, n * 7), daemon=True) for n in range(args.visitors)]
        for visitor in visitors:
            visitor.start()
        time.sleep(min(10, args.duration / 10))
        memory_start = {pid: resident_mb(pid) for pid in children(soak.gunicorn.pid)}
        soak.drill()
        memory_end = {pid: mb for pid in children(soak.gunicorn.pid) if (mb := resident_mb(pid)) is not None}
        soak.stop_visitors.set()
        for visitor in visitors:
            visitor.join(timeout=20)
        lines, met = soak.report(memory_start, memory_end)
    finally:
        soak.stop_visitors.set()
        if soak.editor:
            soak.editor.stdin.close()
            soak.editor.wait(timeout=30)
        soak.stop()
        soak.proxy.stop()
        if soak.redis:
            soak.redis.stop()
        soak.psql(f'DROP DATABASE IF EXISTS "{soak.database}" WITH (FORCE)')
    print(f"Science City Lyngby soak and fault drill, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {args.duration} s")
    print(f"machine: {machine()}; load average {load_before} before, {load_average()} after ({os.cpu_count()} CPUs)")
    print(f"setup: production settings, PostgreSQL through the soak's proxy, its own Redis, gunicorn (3 sync workers), "
          f"the purge worker, the nginx edge for {soak.host}; {args.visitors} visitors on {len(layered)} addresses "
          f"(every page type, edge and gunicorn), a publish every 10 s, privacy toggled every {min(60, args.duration / 3):.0f} s")
    print("\n".join(lines))
    return 0 if met else 1


def _which(tool: str) -> bool:
    from shutil import which

    return which(tool) is not None


if __name__ == "__main__":
    sys.exit(main())
