"""Benchmark: peak memory and throughput of MsaClient.upload_file against a raw streamed httpx PUT.

Usage: python benchmarks/upload.py [--size-mb 100] [--runs 3]

Starts the mock server on a loopback port (ServerThread, upload limit raised),
writes a file of a valid PDF header and object, random bytes and an end marker, then uploads it
in fresh subprocesses (one per run and variant, so each peak RSS is measured
on its own): `client` is MsaClient.upload_file (streamed, hashed, with progress),
`raw` is httpx.AsyncClient.put with an async generator reading the same file,
`raw-sha256` the same while hashing (the work the client must do on top): the floor
of the figure. Every variant sends chunks of CHUNK bytes to the same server, connects and reads
the server's answer inside its timed window, and runs after one warm-up upload (the server's
first request of the route, and its first copy of the file, which it keeps while later copies are
deleted as duplicates, take other paths than the rest: no variant pays for them).
Peak RSS growth is VmHWM after the upload minus VmHWM just before it; client CPU
is the uploading process's user+sys time; server CPU is this process's (it runs
the server thread) during the upload.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHUNK = 256 * 1024
VARIANTS = {
    "raw": "raw httpx put (generator)",
    "raw-sha256": "raw put + hashlib.sha256",
    "client": "MsaClient.upload_file",
}
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def vm_hwm_kib() -> int:
    """Peak resident set size of this process so far, in KiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


# --- child: one upload, measured ----------------------------------------------------


async def child_upload(variant: str, url: str, submission: str, path: Path) -> dict:
    import httpx

    from msa_tui.api.client import MsaClient
    from msa_tui.api.models import TokenPair

    tokens = TokenPair.model_validate_json(os.environ["MSA_BENCH_TOKENS"])
    size = path.stat().st_size
    target = f"/submissions/{submission}/documents/0/files"
    if variant == "client":
        api = MsaClient(url, timeout=60)
        api.use_tokens(tokens)
        ticks = 0

        def progress(sent: int, total: int) -> None:
            nonlocal ticks
            ticks += 1

        before = vm_hwm_kib()
        cpu0 = _cpu()
        start = time.perf_counter()
        stored = await api.upload_file(submission, 0, path, progress=progress, chunk_size=CHUNK)
        elapsed = time.perf_counter() - start
        await api.aclose()
        assert stored.size == size, stored
    else:

        digest = hashlib.sha256() if variant == "raw-sha256" else None

        async def chunks():
            with open(path, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    if digest is not None:
                        digest.update(chunk)
                    yield chunk

        http = httpx.AsyncClient(base_url=url + "/api/v1", timeout=60)
        headers = {
            "Authorization": f"Bearer {tokens.access_token}",
            "Content-Type": "application/octet-stream",
            "Content-Length": str(size),
        }
        before = vm_hwm_kib()
        cpu0 = _cpu()
        start = time.perf_counter()
        response = await http.put(target, params={"name": path.name}, content=chunks(), headers=headers)
        answer = response.json() if response.is_success else None  # the client parses its answer too
        elapsed = time.perf_counter() - start
        await http.aclose()
        assert answer is not None, response.text[:300]
        assert answer["size"] == size
        if digest is not None:
            assert answer["sha256"] == digest.hexdigest()
    after = vm_hwm_kib()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    return {"variant": variant, "seconds": elapsed, "growth_kib": after - before, "bytes": size,
            "cpu_s": cpu.ru_utime + cpu.ru_stime - cpu0}


# --- parent: server, file, submissions, table ---------------------------------------


def make_file(path: Path, size: int) -> None:
    # An object and the end marker: the server checks a PDF beyond its header.
    header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    trailer = b"\n%%EOF\n"
    with open(path, "wb") as out:
        out.write(header)
        left = size - len(header) - len(trailer)
        while left > 0:
            step = min(CHUNK * 4, left)
            out.write(os.urandom(step))
            left -= step
        out.write(trailer)


async def prepare(url: str, count: int) -> tuple[str, list[str]]:
    """Log in once, then create one draft submission per upload to run."""
    from msa_tui.api.client import MsaClient
    from msa_tui.api.models import DocumentSpec, SubmissionCreate

    async with MsaClient(url) as api:
        tokens = await api.login("1850712345678", "demo-msa-2026")
        me = await api.me()
        constraints = await api.submission_constraints()
        nature = next(c.code for c in constraints.natures if c.code not in constraints.medical_natures)
        spec = DocumentSpec(nature=nature, person_id=me.id, motif="Banc d'essai d'envoi")
        create = SubmissionCreate(object=constraints.objects[0].code, documents=[spec])
        ids = [(await api.create_submission(create)).id for _ in range(count)]
    return tokens.model_dump_json(), ids


def run_child(variant: str, url: str, submission: str, path: Path, tokens: str) -> dict:
    env = {**os.environ, "MSA_BENCH_TOKENS": tokens}
    cmd = [sys.executable, __file__, "--child", variant, "--url", url, "--submission", submission,
           "--file", str(path)]
    server_cpu0 = _cpu()  # this process runs the server thread: its CPU is the server's work
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    server_cpu = _cpu() - server_cpu0
    if done.returncode:
        raise SystemExit(f"{variant} run failed:\n{done.stderr}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "server_cpu_s": server_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=list(VARIANTS))
    parser.add_argument("--url")
    parser.add_argument("--submission")
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child_upload(args.child, args.url, args.submission, args.file))))
        return

    size = args.size_mb * 1024 * 1024
    load_before = os.getloadavg()[0]
    results = measure(size, args.runs)
    report(results, size)
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} CPUs)")


def measure(size: int, runs: int, variants: tuple[str, ...] = tuple(VARIANTS)) -> dict[str, list[dict]]:
    """Each variant `runs` times, in a rotating order after one warm-up upload, against one mock server
    on a loopback port."""
    from msa_tui.mock_server.runner import ServerThread
    from msa_tui.mock_server.throttle import Limits

    with tempfile.TemporaryDirectory(prefix="msa-bench-") as tmp:
        path = Path(tmp) / "gros-fichier.pdf"
        make_file(path, size)
        # Every upload stays in a draft of the one member: the per-member quota of drafts (200 MB)
        # must hold them all, or the third 100 MiB upload is refused with a 409.
        # So must the number of drafts (20 by default): one per upload.
        uploads = len(variants) * runs + 1
        server = ServerThread(Path(tmp) / "data", max_file_bytes=2 * size,
                              limits=Limits(max_drafts=uploads, max_stored_bytes=uploads * 2 * size))
        server.start()
        try:
            tokens, ids = asyncio.run(prepare(server.url, uploads))
            run_child(variants[0], server.url, ids.pop(), path, tokens)  # warm-up, not counted
            results: dict[str, list[dict]] = {variant: [] for variant in variants}
            for run in range(runs):
                # Rotate the order so warm caches or a busy moment favour no variant.
                order = list(variants)[run % len(variants):] + list(variants)[: run % len(variants)]
                for variant in order:
                    results[variant].append(run_child(variant, server.url, ids.pop(), path, tokens))
        finally:
            server.stop()
    return results


def report(results: dict[str, list[dict]], size: int) -> None:
    mib = size / (1024 * 1024)
    rows = {}
    print(f"Upload of {mib:.0f} MiB, {len(results['raw'])} run(s) per variant, chunks of {CHUNK // 1024} KiB")
    print(f"{'variant':<26} {'median s':>8} {'MiB/s':>6} {'client CPU s':>12} {'server CPU s':>12}"
          f" {'peak RSS growth MiB':>19}")
    for variant, label in VARIANTS.items():
        runs = results[variant]
        seconds = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu_s"] for r in runs)
        server = statistics.median(r["server_cpu_s"] for r in runs)
        growth = max(r["growth_kib"] for r in runs) / 1024
        rows[variant] = (seconds, growth)
        print(f"{label:<26} {seconds:>8.2f} {mib / seconds:>6.1f} {cpu:>12.2f} {server:>12.2f} {growth:>19.1f}")
    ratio = rows["raw-sha256"][0] / rows["client"][0]
    growth = rows["client"][1]
    print(f"client throughput / (raw + SHA-256): {ratio:.2f} (target >= 0.95): {'OK' if ratio >= 0.95 else 'MISSED'}")
    verdict = "OK" if growth <= 16 else "MISSED"
    print(f"client peak RSS growth (max of runs): {growth:.1f} MiB (target <= 16): {verdict}")


if __name__ == "__main__":
    main()
