"""CLI benchmark: `msa-tui payments list` vs `msa-tui --help` + one API round trip (issue 13: under 1.5x).

Starts the mock server on a loopback port, logs in once (MSA_TUI_TOKEN), then takes the
median of RUNS wall times of each process, and of one GET /payments from this process.
Prints one Markdown line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

RUNS = 7
PASSWORD = "demo-msa-2026"
NIR = "1850712345678"


def timed(args: list[str], env: dict[str, str], stdin: str = "") -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "msa_tui", *args], env=env, input=stdin, capture_output=True,
                   text=True, check=True, timeout=120)
    return time.perf_counter() - start


def measure(runs: int = RUNS) -> tuple[float, float, float]:
    """Medians of (payments list, --help, one round trip), interleaved; the server on loopback."""
    from msa_tui.mock_server.runner import ServerThread

    with tempfile.TemporaryDirectory() as tmp:
        server = ServerThread(Path(tmp) / "data", host="127.0.0.1", port=0).start()
        try:
            env = {"HOME": tmp, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MSA_TUI_SERVER": server.url,
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
            login = subprocess.run([sys.executable, "-m", "msa_tui", "auth", "login", "--nir", NIR,
                                    "--password-stdin", "--print-token"], env=env, input=PASSWORD + "\n",
                                   capture_output=True, text=True, check=True, timeout=120)
            env["MSA_TUI_TOKEN"] = token = login.stdout.strip()
            # The floor's round trip: the very request `payments list` makes, from this running process.
            request = urllib.request.Request(f"{server.url}/api/v1/payments?limit=50",
                                             headers={"Authorization": f"Bearer {token}"})

            def round_trip() -> float:
                start = time.perf_counter()
                with urllib.request.urlopen(request) as answer:
                    json.loads(answer.read())
                return time.perf_counter() - start

            times: dict[str, list[float]] = {"list": [], "help": [], "trip": []}
            timed(["--help"], env), timed(["payments", "list"], env), round_trip()  # warm-up
            for _ in range(runs):
                times["help"].append(timed(["--help"], env))
                times["trip"].append(round_trip())
                times["list"].append(timed(["payments", "list"], env))
        finally:
            server.stop()
    return tuple(statistics.median(times[k]) for k in ("list", "help", "trip"))  # type: ignore[return-value]


def main() -> None:
    list_s, help_s, trip_s = measure()
    budget = help_s + trip_s
    print(f"| payments list {list_s:.3f} s | --help {help_s:.3f} s + round trip {trip_s:.3f} s = {budget:.3f} s "
          f"| ratio {list_s / budget:.2f}x (target < 1.5x) |")


if __name__ == "__main__":
    main()
