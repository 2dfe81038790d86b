"""The client over a real loopback socket against the mock server thread (uvicorn)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import DEMO_NIR, DEMO_PASSWORD


async def test_login_me_and_upload_over_a_real_socket(live_server: str, tmp_path: Path) -> None:
    pdf = tmp_path / "releve.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + os.urandom(1_500_000) + b"\n%%EOF\n")
    ticks: list[tuple[int, int]] = []
    async with MsaClient(live_server, timeout=10) as api:
        assert await api.health()
        await api.login(DEMO_NIR, DEMO_PASSWORD)
        me = await api.me()
        assert me.last_name == "Martin"
        rules = await api.submission_constraints()
        nature = next(c.code for c in rules.natures if c.code not in rules.medical_natures)
        spec = m.DocumentSpec(nature=nature, person_id=me.id, motif="Relevé")
        sub = await api.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=[spec]))
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
            await api.login(DEMO_NIR, DEMO_PASSWORD)
            me = await api.me()
            rules = await api.submission_constraints()
            nature = next(c.code for c in rules.natures if c.code not in rules.medical_natures)
            spec = m.DocumentSpec(nature=nature, person_id=me.id, motif="Trop gros")
            sub = await api.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=[spec]))
            starts: list[int] = []
            with pytest.raises(errors.FileTooLarge):
                await api.upload_file(sub.id, 0, big, progress=lambda a, b: starts.append(a) if a == 0 else None)
            assert starts == [0]  # refused once, not retried as if the network had failed
    finally:
        server.stop()
