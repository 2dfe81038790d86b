"""`python -m benchmarks [--quick]`: every figure of the performance table in one run.

Each figure is a ratio against its floor measured in the same run, the two interleaved (the
order rotates from one repetition to the next), the median of the repetitions. The table is
printed and written into docs/benchmarks.md between its markers, with the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path

from . import cli, paging, startup, upload

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:table:start -->", "<!-- bench:table:end -->"
CONNECTED = "● Connecté"


@dataclass
class Row:
    figure: str
    measured: str
    floor: str
    ratio: str
    target: str
    met: bool | None
    """None: a figure shown for reading the others, with no target of its own."""


def interleaved(runs: int, **measures: Callable[[], float]) -> dict[str, float]:
    """The median of `runs` calls of each measure, their order rotating between runs (one warm-up)."""
    names = list(measures)
    for name in names:
        measures[name]()
    values: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        for name in names[run % len(names):] + names[: run % len(names)]:
            values[name].append(measures[name]())
    return {name: statistics.median(v) for name, v in values.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


# --- start-up -------------------------------------------------------------------------


def startup_rows(home: Path, runs: int) -> list[Row]:
    python = sys.executable
    bare = startup.bare_app(home)
    t = interleaved(
        runs,
        demo=lambda: startup.time_to_text([python, "-m", "msa_tui", "--demo"], home),
        plain=lambda: startup.time_to_text([python, "-m", "msa_tui", "--server", "http://127.0.0.1:9"], home),
        bare=lambda: startup.time_to_text(bare, home),
    )
    h = interleaved(
        runs * 2,
        help=lambda: startup.time_to_exit([python, "-m", "msa_tui", "--help"], home),
        nothing=lambda: startup.time_to_exit([python, "-c", "pass"], home),
    )
    return [
        Row("`msa-tui --demo`: « Se connecter » visible in the terminal, vs a bare one-Label Textual app",
            ms(t["demo"]), ms(t["bare"]), f"{t['demo'] / t['bare']:.2f}×", "≤ 1.25×",
            t["demo"] / t["bare"] <= 1.25),
        Row("the same without `--demo` (`--server URL`)", ms(t["plain"]), ms(t["bare"]),
            f"{t['plain'] / t['bare']:.2f}×", "≤ 1.25×", t["plain"] / t["bare"] <= 1.25),
        Row("`msa-tui --help` vs `python -c pass`", ms(h["help"]), ms(h["nothing"]),
            f"{h['help'] / h['nothing']:.2f}×", "≤ 3×", h["help"] / h["nothing"] <= 3),
    ]


# --- command line ---------------------------------------------------------------------


def cli_rows(runs: int) -> list[Row]:
    listed, helped, trip = cli.measure(runs)
    ratio = listed / (helped + trip)
    return [Row("`msa-tui payments list` vs `msa-tui --help` + one round trip of its request (GET /payments)",
                ms(listed), f"{ms(helped)} + {ms(trip)}", f"{ratio:.2f}×", "< 1.5×", ratio < 1.5)]


# --- paging ---------------------------------------------------------------------------


def paging_rows(tmp: Path, runs: int) -> list[Row]:
    small = paging.make_client(tmp / "data-100", 100)
    big = paging.make_client(tmp / "data-100000", 100_000)
    rows = []
    try:
        for table in paging.LISTS:
            t = interleaved(runs, big=lambda table=table: paging.first_page_seconds(big, table),
                            small=lambda table=table: paging.first_page_seconds(small, table))
            ratio = t["big"] / t["small"]
            rows.append(Row(f"first page of `GET /{table}?limit=50`, 100,000 rows vs 100", ms(t["big"]),
                            ms(t["small"]), f"{ratio:.2f}×", "≤ 1.2×", ratio <= 1.2))
    finally:
        for client in (small, big):
            client.__exit__(None, None, None)
    return rows


# --- idle -----------------------------------------------------------------------------


def start_server(data_dir: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "msa_tui.mock_server", "--port", "0", "--data-dir",
                             str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    found = re.search(r"(http://[^\s]+)/api/v1", line)
    if not found:
        proc.terminate()
        raise RuntimeError(f"mock server did not start: {line!r}")
    return proc, found.group(1)


def settled_terminal(argv: list[str], home: Path, login: bool, wait_for: str | None = None) -> startup.Terminal:
    """The app in a terminal, logged in on the dashboard if `login` (by keys), its calls finished
    (`wait_for`: a text to wait for instead, for an app that connects by itself)."""
    from msa_tui.core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    term = startup.Terminal(argv, home)
    try:
        term.wait_for(wait_for or startup.LOGIN_TEXT)
        if login:
            term.drain(0.5)
            term.type(DEMO_ACCOUNTS[0].nir + "\r")
            term.type(DEMO_PASSWORD + "\r")
            term.wait_for(CONNECTED)
        term.drain(3.0)  # let the dashboard's calls finish and the app settle
    except BaseException:
        term.close()
        raise
    return term


def idle_sample(argv: list[str], home: Path, which: str, seconds: float) -> tuple[float, float]:
    """CPU % and resident MiB of an app left alone for `seconds`: `which` is "app" (logged in on the
    dashboard by keys), "bare" or "design" (the floor apps; the latter shows « Connecté » once it has
    made its one request)."""
    term = settled_terminal(argv, home, which == "app", wait_for=CONNECTED if which == "design" else None)
    try:
        cpu0, t0 = term.cpu_seconds(), time.perf_counter()
        term.drain(seconds)
        cpu = (term.cpu_seconds() - cpu0) / (time.perf_counter() - t0) * 100
        return cpu, term.rss_mib()
    finally:
        term.close()


def idle_rows(home: Path, tmp: Path, runs: int, seconds: float) -> list[Row]:
    server, url = start_server(tmp / "idle-server")
    try:
        app = [sys.executable, "-m", "msa_tui", "--server", url]
        argvs = {"app": app, "bare": startup.bare_app(home), "design": startup.design_floor_app(home, url)}
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in argvs}
        for run in range(runs):
            names = list(argvs)
            for name in names[run % 3:] + names[: run % 3]:
                samples[name].append(idle_sample(argvs[name], home, name, seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    cpu = {k: statistics.median(s[0] for s in v) for k, v in samples.items()}
    rss = {k: statistics.median(s[1] for s in v) for k, v in samples.items()}
    return [
        Row(f"logged-in idle on the dashboard: CPU over {seconds:.0f} s (server in another process)",
            f"{cpu['app']:.2f} %", f"{cpu['bare']:.2f} %", f"{cpu['app'] - cpu['bare']:+.2f} point",
            "≤ bare + 0.1 point", cpu["app"] <= cpu["bare"] + 0.1),
        Row("logged-in idle resident memory (client alone)", f"{rss['app']:.1f} MiB", f"{rss['bare']:.1f} MiB",
            f"{rss['app'] / rss['bare']:.2f}×", "≤ 1.6×", rss["app"] / rss["bare"] <= 1.6),
        Row("the same floor with DESIGN's client stack alone: the bare app + an httpx client after one GET "
            "+ one pydantic model (of msa-tui only its lean httpx import)",
            f"{rss['design']:.1f} MiB", f"{rss['bare']:.1f} MiB", f"{rss['design'] / rss['bare']:.2f}×", "—", None),
        Row("logged-in idle resident memory vs that floor (what msa-tui adds to its libraries)",
            f"{rss['app']:.1f} MiB", f"{rss['design']:.1f} MiB", f"{rss['app'] / rss['design']:.2f}×", "—", None),
    ]


# --- upload ---------------------------------------------------------------------------


def upload_rows(runs: int) -> list[Row]:
    size = 100 * 1024 * 1024
    results = upload.measure(size, runs, ("raw-sha256", "client"))  # the floor and the client only
    seconds = {k: statistics.median(r["seconds"] for r in v) for k, v in results.items()}
    growth = max(r["growth_kib"] for r in results["client"]) / 1024
    mib = size / (1024 * 1024)
    ratio = seconds["raw-sha256"] / seconds["client"]
    return [
        Row("100 MiB upload: client throughput vs raw httpx streamed put + SHA-256",
            f"{mib / seconds['client']:.0f} MiB/s", f"{mib / seconds['raw-sha256']:.0f} MiB/s",
            f"{ratio:.2f}×", "≥ 0.95×", ratio >= 0.95),
        Row("100 MiB upload: client peak RSS growth (max of runs)", f"{growth:.1f} MiB",
            f"{max(r['growth_kib'] for r in results['raw-sha256']) / 1024:.1f} MiB (raw + SHA-256)", "—",
            "≤ 16 MiB", growth <= 16),
    ]


# --- report ---------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (f"{cpu}, {os.cpu_count()} CPU, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, Textual {textual.__version__}")


def table(rows: list[Row]) -> str:
    lines = ["| figure | measured | floor (same run) | ratio | target | |", "|---|---|---|---|---|---|"]
    verdict = {None: "—", True: "met", False: "MISSED"}
    lines += [f"| {r.figure} | {r.measured} | {r.floor} | {r.ratio} | {r.target} | {verdict[r.met]} |" for r in rows]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END):]
    else:
        title, _, rest = doc.partition("\n")
        doc = f"{title}\n\n{block}\n{rest}"
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a first look, not a record)")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    parser.add_argument("--only", choices=("startup", "cli", "paging", "idle", "upload"), action="append")
    args = parser.parse_args()
    # A first page takes milliseconds: many repetitions cost little and tame a busy machine's noise.
    reps = {"startup": 5, "cli": 7, "paging": 101, "idle": 1, "upload": 3} if args.quick else \
        {"startup": 25, "cli": 15, "paging": 301, "idle": 3, "upload": 5}
    idle_seconds = 10.0 if args.quick else 20.0
    wanted = args.only or ["startup", "cli", "paging", "idle", "upload"]
    load_before = os.getloadavg()
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="msa-bench-") as tmp_name:
        tmp = Path(tmp_name)
        home = tmp / "home"
        home.mkdir()
        if "startup" in wanted:
            rows += startup_rows(home, reps["startup"])
        if "cli" in wanted:
            rows += cli_rows(reps["cli"])
        if "paging" in wanted:
            rows += paging_rows(tmp, reps["paging"])
        if "idle" in wanted:
            rows += idle_rows(home, tmp, reps["idle"], idle_seconds)
        if "upload" in wanted:
            rows += upload_rows(reps["upload"])
    load_after = os.getloadavg()
    cores = os.cpu_count() or 1
    loaded = max(load_before[0], load_after[0]) > cores / 2  # half the cores busy: others are competing
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = (f"`python -m benchmarks{' --quick' if args.quick else ''}` on {when}, {machine()}; "
            f"repetitions {reps}, {time.perf_counter() - started:.0f} s in all. "
            f"Load average {load_before[0]:.1f} before, {load_after[0]:.1f} after"
            + (": **a loaded machine** (other work was using the CPU), so the figures are noisy and "
               "the ratios, not the times, are what to read." if loaded else ": a quiet machine."))
    text = f"{note}\n\n{table(rows)}"
    print(text)
    if not args.no_write:
        write_doc(text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
