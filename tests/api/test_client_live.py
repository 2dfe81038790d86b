"""The client over a real loopback socket against the mock server thread (uvicorn)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import DEMO_NIR, DEMO_PASSWORD


async def _draft(api: MsaClient, motif: str) -> m.Submission:
    """Log in as the demo member and open a one-document draft submission."""
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    me = await api.me()
    rules = await api.submission_constraints()
    nature = next(c.code for c in rules.natures if c.code not in rules.medical_natures)
    spec = m.DocumentSpec(nature=nature, person_id=me.id, motif=motif)
    return await api.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=[spec]))


async def test_login_me_and_upload_over_a_real_socket(live_server: str, tmp_path: Path) -> None:
    pdf = tmp_path / "releve.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + os.urandom(1_500_000) + b"\n%%EOF\n")
    ticks: list[tuple[int, int]] = []
    async with MsaClient(live_server, timeout=10) as api:
        assert await api.health()
        sub = await _draft(api, "Relevé")
        assert (await api.me()).last_name == "Martin"
        stored = await api.upload_file(sub.id, 0, pdf, progress=lambda a, b: ticks.append((a, b)), chunk_size=65536)
        assert stored.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert ticks[-1] == (pdf.stat().st_size, pdf.stat().st_size)
        await api.logout()
        assert not api.logged_in


async def test_a_too_large_upload_over_a_socket_is_file_too_large_not_a_network_error(
    tmp_path: Path, pinned_today, isolated_dirs
) -> None:
    from msa_tui.api import errors
    from msa_tui.mock_server.runner import ServerThread

    big = tmp_path / "gros.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(5_000_000))
    server = ServerThread(tmp_path / "data", max_file_bytes=100_000, today=pinned_today).start()
    try:
        async with MsaClient(server.url, backoff=0.0) as api:
            sub = await _draft(api, "Trop gros")
            starts: list[int] = []
            with pytest.raises(errors.FileTooLarge):
                await api.upload_file(sub.id, 0, big, progress=lambda a, b: starts.append(a) if a == 0 else None)
            assert starts == [0]  # refused once, not retried as if the network had failed
    finally:
        server.stop()


def _open_copies(path: Path) -> int:
    """How many descriptors of this process point at `path` (Linux's /proc)."""
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            count += os.readlink(fd) == str(path)
        except OSError:
            continue  # closed meanwhile
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
@pytest.mark.parametrize("slow_disk", [False, True], ids=["quick disk", "slow disk"])
async def test_a_cancelled_upload_leaves_nothing_and_the_next_one_stores_the_same_bytes(
    live_server: str, tmp_path: Path, monkeypatch, slow_disk: bool
) -> None:
    import asyncio

    from msa_tui.api import transfer

    if slow_disk:  # every read after the first in a worker thread
        monkeypatch.setattr(transfer, "SLOW_READ_S", -1.0)
    pdf = tmp_path / "releve.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + os.urandom(3_000_000) + b"\n%%EOF\n")
    parts = tmp_path / "live-data" / "tmp"
    async with MsaClient(live_server, timeout=10) as api:
        sub = await _draft(api, "Relevé")

        def cancel_at_the_first_chunk(sent: int, total: int) -> None:
            if sent:
                upload.cancel()  # as the screen does when the member leaves it

        upload = asyncio.create_task(api.upload_file(sub.id, 0, pdf, progress=cancel_at_the_first_chunk))
        with pytest.raises(asyncio.CancelledError):
            await upload
        assert (await api.submission(sub.id)).documents[0].files == []
        for _ in range(200):  # the server hears the connection close, the last read ends: both let go
            if not list(parts.glob("*.part")) and not _open_copies(pdf):
                break
            await asyncio.sleep(0.05)
        assert list(parts.glob("*.part")) == [] and _open_copies(pdf) == 0

        ticks: list[tuple[int, int]] = []
        stored = await api.upload_file(sub.id, 0, pdf, progress=lambda a, b: ticks.append((a, b)))
        files = (await api.submission(sub.id)).documents[0].files
        assert [f.sha256 for f in files] == [hashlib.sha256(pdf.read_bytes()).hexdigest()] == [stored.sha256]
        assert ticks[-1] == (pdf.stat().st_size, pdf.stat().st_size)
