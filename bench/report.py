"""What wrk measured, and the table and verdicts ``run.py`` prints from it."""

import os
import platform
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Load:
    """What wrk measured for one URL."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    error_detail: str = ""


@dataclass
class Row:
    """One line of the table."""

    layer: str
    kind: str
    language: str
    path: str
    load: Load
    edge_status: str = ""


def to_ms(value: str) -> float:
    """A wrk duration ("830.00us", "12.5ms", "1.2s", "2m") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output: str) -> Load:
    """Throughput, p50, p99 and errors from wrk's --latency report."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rps:
        raise SystemExit(f"wrk gave no result:\n{output}")
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    counts = {"non-2xx/3xx": int(non_2xx.group(1)) if non_2xx else 0}
    if sockets:
        # wrk gives up on a response after 2 s and counts it as a timeout.
        counts.update(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups())))
    detail = ", ".join(f"{count} {name}" for name, count in counts.items() if count)
    p50_ms = to_ms(p50.group(1)) if p50 else 0.0
    p99_ms = to_ms(p99.group(1)) if p99 else 0.0
    return Load(float(rps.group(1)), p50_ms, p99_ms, sum(counts.values()), detail)


def table(rows: list[Row], plain: Load) -> str:
    """The results, one line per layer and URL, with the ratio to the plain file."""
    lines = [f"{'layer':<14} {'page':<12} {'lang':<4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'vs plain':>9}  {'edge':<7} url"]
    for row in rows:
        load = row.load
        lines.append(
            f"{row.layer:<14} {row.kind:<12} {row.language:<4} {load.requests_per_second:>9.1f} {load.p50_ms:>8.2f} "
            f"{load.p99_ms:>8.2f} {load.errors:>7} {load.requests_per_second / plain.requests_per_second:>8.1%}  {row.edge_status:<7} {row.path}"
        )
    return "\n".join(lines)


def targets(rows: list[Row], plain: Load) -> list[str]:
    """The reference targets, each met or not, naming the pages that miss."""
    def pages(layer):
        return [row for row in rows if row.layer == layer and row.kind != "static file"]

    def verdict(name, misses):
        return f"{'met    ' if not misses else 'MISSED '} {name}" + ("" if not misses else ": " + ", ".join(misses))

    label = lambda row: f"{row.kind} {row.language}".strip()  # noqa: E731
    return [
        verdict("gunicorn alone: every page >= 100 req/s with p99 < 200 ms",
                [label(r) for r in pages("gunicorn") if r.load.requests_per_second < 100 or r.load.p99_ms >= 200]),
        verdict("edge cache: every page without a query string >= 50% of nginx's plain file",
                [label(r) for r in pages("edge cache") if "?" not in r.path and r.load.requests_per_second < 0.5 * plain.requests_per_second]),
        verdict("zero errors", [f"{r.layer}: {label(r)} ({r.load.error_detail})" for r in rows if r.load.errors]),
    ]


def edge_note(rows: list[Row]) -> list[str]:
    """Why edge figures may equal the app's: the pages the edge did not keep."""
    missed = [row for row in rows if row.layer == "edge cache" and row.kind != "static file" and "?" not in row.path
              and row.edge_status != "HIT"]
    if not missed:
        return []
    return [f"note: {len(missed)} pages were not kept by the edge (X-Cache-Status {', '.join(sorted({r.edge_status or '-' for r in missed}))}): "
            "it stores only responses the app marks Cache-Control: public"]


def machine() -> str:
    """nproc, memory, CPU model, Python, nginx and wrk versions."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    memory_kb = int(re.search(r"^MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(), re.M).group(1))
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
    return (
        f"{os.cpu_count()} CPUs ({model.group(1) if model else 'unknown CPU'}), {memory_kb / 1024 / 1024:.1f} GiB memory, "
        f"Python {platform.python_version()}, nginx {nginx}, wrk {wrk}"
    )


def load_average() -> str:
    """The 1-minute load average: other work on this machine skews every figure."""
    return Path("/proc/loadavg").read_text().split()[0]
