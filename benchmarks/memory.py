"""Where the logged-in app's resident memory goes, next to the bare app's: `python -m benchmarks.memory`.

The apps run as in the idle figure (an 80x24 pseudo-terminal; the app logged in on the dashboard by
keys, the mock server in another process). Each starts through a small bootstrap that, on SIGUSR1,
writes what it holds: the modules loaded, the threads, Python's small-object allocator (obmalloc
arenas and the bytes in use), the screens still alive after a full collection. /proc/PID/smaps
splits the resident memory by mapping. Not a test and no target: a map for whoever cuts next.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

from . import startup
from .__main__ import CONNECTED, settled_terminal, start_server

# Runs inside the measured app, before it: keep it small (it is part of what is measured).
BOOTSTRAP = """
import os, signal, sys
REPORT = REPORT_PATH

def _report(*_):
    import gc, json, re, threading
    rss = open("/proc/self/status").read()
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    try:
        sys._debugmallocstats()  # writes to C stderr: caught in the pipe
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(write)
    stats = b""
    while chunk := os.read(read, 1 << 16):
        stats += chunk
    os.close(read)
    gc.collect()
    arenas = re.search(rb"# arenas allocated current\\s*=\\s*([\\d,]+)", stats)
    used = re.search(rb"# bytes in allocated blocks\\s*=\\s*([\\d,]+)", stats)
    screens = sorted(type(o).__name__ for o in gc.get_objects()
                     if any(c.__name__ == "Screen" for c in type(o).__mro__))
    with open(REPORT, "w") as out:
        json.dump({"status": rss, "modules": sorted(sys.modules),
                   "threads": [t.name for t in threading.enumerate()],
                   "arenas": int(arenas.group(1).replace(b",", b"")) if arenas else None,
                   "obmalloc_used": int(used.group(1).replace(b",", b"")) if used else None,
                   "screens": screens}, out)

signal.signal(signal.SIGUSR1, _report)
"""



def bootstrap(report: Path) -> str:
    return BOOTSTRAP.replace("REPORT_PATH", repr(str(report)), 1)


APP = "from msa_tui.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def mappings(pid: int) -> dict[str, int]:
    """Resident KiB by mapping: each file by name, anonymous memory as [anon] (heap included)."""
    sizes: collections.Counter[str] = collections.Counter()
    name = ""
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split(None, 5)
            name = parts[5] if len(parts) > 5 and not parts[5].startswith("[heap") else "[anon]"
        elif line.startswith("Rss:"):
            sizes[name] += int(line.split()[1])
    return dict(sizes)


def sample(argv: list[str], home: Path, report: Path, login: bool, wait_for: str | None = None) -> dict:
    term = settled_terminal(argv, home, login, wait_for)
    try:
        maps = mappings(term.proc.pid)
        rss = term.rss_mib()
        os.kill(term.proc.pid, signal.SIGUSR1)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not report.exists():
            term.drain(0.2)
        term.drain(1.0)  # let the report finish writing
        held = json.loads(report.read_text())
    finally:
        term.close()
    held.update(rss=rss, maps=maps)
    return held


def status_mib(status: str, key: str) -> float:
    found = re.search(rf"{key}:\s+(\d+)", status)
    return int(found.group(1)) / 1024 if found else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=12, help="how many mappings and packages to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="msa-mem-") as tmp_name:
        tmp = Path(tmp_name)
        home = tmp / "home"
        home.mkdir()
        server, url = start_server(tmp / "server")
        try:
            bare = home / "bare.py"
            bare.write_text(bootstrap(tmp / "bare.json") + startup.BARE_APP, encoding="utf-8")
            base = sample([sys.executable, str(bare)], home, tmp / "bare.json", login=False)
            design_script = home / "design.py"
            design_script.write_text(bootstrap(tmp / "design.json") + startup.DESIGN_FLOOR_APP, encoding="utf-8")
            design = sample([sys.executable, str(design_script), url], home, tmp / "design.json", login=False,
                            wait_for=CONNECTED)
            code = bootstrap(tmp / "app.json") + APP
            app = sample([sys.executable, "-c", code, "--server", url], home, tmp / "app.json", login=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"VmRSS: app {app['rss']:.1f} MiB, bare {base['rss']:.1f} MiB ({app['rss'] / base['rss']:.2f}×); "
          f"DESIGN's client stack alone (startup.DESIGN_FLOOR_APP) {design['rss']:.1f} MiB "
          f"({design['rss'] / base['rss']:.2f}× the bare app; the app is {app['rss'] / design['rss']:.2f}× it)")
    for key in ("RssAnon", "RssFile"):
        a, b = (status_mib(d["status"], key) for d in (app, base))
        print(f"  {key}: {a:.1f} vs {b:.1f} MiB ({a - b:+.1f})")
    print(f"  Python objects (obmalloc): {app['arenas']} vs {base['arenas']} arenas of 1 MiB; "
          f"{app['obmalloc_used'] / 2**20:.1f} vs {base['obmalloc_used'] / 2**20:.1f} MiB in use")
    print(f"  threads: app {app['threads']}, bare {base['threads']}")
    print(f"  screens alive after a full collection: {app['screens']}")
    print("Mappings, resident KiB (app − bare):")
    diff = {k: app["maps"].get(k, 0) - base["maps"].get(k, 0) for k in set(app["maps"]) | set(base["maps"])}
    for name, kib in sorted(diff.items(), key=lambda kv: -abs(kv[1]))[: args.top]:
        print(f"  {kib:+7d}  {name}")
    for floor, label in ((base, "the bare app"), (design, "DESIGN's client stack alone")):
        extra = collections.Counter(m.split(".")[0] for m in set(app["modules"]) - set(floor["modules"]))
        print(f"Modules the app holds beyond {label}: {sum(extra.values())}, by package:")
        print("  " + ", ".join(f"{name} {count}" for name, count in extra.most_common(args.top * 2)))


if __name__ == "__main__":
    main()
