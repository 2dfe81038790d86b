"""The client over a real loopback socket against the mock server thread (uvicorn)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from msa_tui.api import models as m
from msa_tui.api.client import MsaClient


async def test_login_me_and_upload_over_a_real_socket(live_server: str, tmp_path: Path) -> None:
    pdf = tmp_path / "releve.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(1_500_000))
    ticks: list[tuple[int, int]] = []
    async with MsaClient(live_server, timeout=10) as api:
        assert await api.health()
        await api.login("1850712345678", "demo-msa-2026")
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
