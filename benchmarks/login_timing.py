"""Benchmark: does a login's timing tell a registered NIR from an unknown one?

Usage: python benchmarks/login_timing.py [--rounds 40]

Starts the mock server on a loopback port (ServerThread) and times, interleaved, wrong-password
logins for a registered NIR (Pierre Martin) and for unknown NIRs, each from its own client
address budget (the per-address delays are lifted for the run: what is measured is the
server's work, not its rate limit); the failure counts are wiped between rounds so that no
account locks (a locked account answers 423 without checking the password).
Prints the median of each and their ratio; the promise (docs/security.md) is a difference
under 10 %. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

from msa_tui.mock_server.runner import ServerThread
from msa_tui.mock_server.throttle import Limits

KNOWN = ["1850712345678", "2900529012345", "178022A123456"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    timings: dict[str, list[float]] = {"known": [], "unknown": []}
    with tempfile.TemporaryDirectory() as tmp:
        limits = Limits(login_free_failures=10**6)
        with ServerThread(Path(tmp), today=date(2026, 11, 15), limits=limits) as server, \
                httpx.Client(base_url=f"{server.url}/api/v1") as client:
            for n in range(args.rounds):
                server.app.state.ctx.store.run("DELETE FROM login_failures")
                for kind, nir in (("known", KNOWN[n % len(KNOWN)]), ("unknown", f"19901751{n:05d}")):
                    start = time.perf_counter()
                    r = client.post("/auth/login", json={"nir": nir, "password": "pas-le-bon-mot"})
                    timings[kind].append(time.perf_counter() - start)
                    assert r.status_code == 401, r.text
    known, unknown = (statistics.median(timings[k]) * 1000 for k in ("known", "unknown"))
    print(f"median login, registered NIR: {known:.1f} ms ({len(timings['known'])} tries)")
    print(f"median login, unknown NIR:    {unknown:.1f} ms ({len(timings['unknown'])} tries)")
    print(f"difference: {abs(known - unknown) / max(known, unknown) * 100:.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
