"""A lost answer never duplicates: creations carry an Idempotency-Key and are replayed with the same one.

The transport double forwards each request to the real mock server, which acts, then cuts the first
answer (a read error after the server committed). The client retries with the same key; the server
must answer the first result and hold exactly one object.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import DEMO_NIR, DEMO_PASSWORD



class CutAnswer(httpx.AsyncBaseTransport):
    """Forward to the ASGI app; for requests to `cut_path`, drop the first `cuts` answers after the server acted."""

    def __init__(self, app: Any) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.cut_path = ""
        self.cuts = 0
        self.seen: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self.cut_path and request.url.path.endswith(self.cut_path) and request.method != "GET":
            self.seen.append(request)
            if self.cuts:
                self.cuts -= 1
                await response.aread()
                raise httpx.ReadError("connection reset after the server acted", request=request)
        return response


@pytest.fixture
async def cut(server_app) -> tuple[MsaClient, CutAnswer]:
    transport = CutAnswer(server_app)
    api = MsaClient("http://testserver", transport=transport, backoff=0.0)
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    yield api, transport
    await api.aclose()


def _keys(transport: CutAnswer) -> list[str | None]:
    return [r.headers.get("Idempotency-Key") for r in transport.seen]


async def _thread_count(api: MsaClient) -> int:
    return len((await api.threads(limit=100)).items)


async def test_a_new_thread_is_replayed_with_the_same_key(cut) -> None:
    api, transport = cut
    transport.cut_path, transport.cuts = "/threads", 1
    await api.new_thread(m.NewThread(subject="Carte Vitale", topic="Santé", body="Bonjour"), idempotency_key="t-1")
    assert _keys(transport) == ["t-1", "t-1"]


async def test_a_lost_answer_to_a_new_thread_leaves_one_thread(cut) -> None:
    api, transport = cut
    before = await _thread_count(api)
    transport.cut_path, transport.cuts = "/threads", 1
    await api.new_thread(m.NewThread(subject="Carte Vitale", topic="Santé", body="Bonjour"), idempotency_key="t-1")
    assert await _thread_count(api) == before + 1


async def test_without_a_key_a_creation_is_not_replayed(cut) -> None:
    api, transport = cut
    before = await _thread_count(api)
    transport.cut_path, transport.cuts = "/threads", 1
    with pytest.raises(errors.NetworkDown):
        await api.new_thread(m.NewThread(subject="Carte Vitale", topic="Santé", body="Bonjour"))
    assert len(transport.seen) == 1 and await _thread_count(api) == before + 1


async def test_a_lost_answer_to_a_reply_leaves_one_message(cut) -> None:
    api, transport = cut
    thread = (await api.threads()).items[0]
    before = len((await api.thread(thread.id)).messages)
    transport.cut_path, transport.cuts = "/messages", 1
    await api.reply(thread.id, "Merci pour votre réponse.", idempotency_key="r-1")
    assert _keys(transport) == ["r-1", "r-1"]
    assert len((await api.thread(thread.id)).messages) == before + 1


async def test_a_lost_answer_to_a_request_leaves_one_request(cut) -> None:
    api, transport = cut
    before = len((await api.requests()).items)
    transport.cut_path, transport.cuts = "/requests", 1
    create = m.RequestCreate(type="aide_logement", answers={
        "loyer_mensuel": "480,50", "date_entree": "2026-12-01", "colocation": False})
    await api.file_request(create, idempotency_key="q-1")
    assert _keys(transport) == ["q-1", "q-1"]
    assert len((await api.requests()).items) == before + 1


async def test_a_lost_answer_to_an_upload_leaves_one_file(cut, tmp_path: Path) -> None:
    api, transport = cut
    me = await api.me()
    rules = await api.submission_constraints()
    nature = next(c.code for c in rules.natures if c.code not in rules.medical_natures)
    sub = await api.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=[
        m.DocumentSpec(nature=nature, person_id=me.id, motif="Justificatif")]))
    pdf = tmp_path / "avis.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    transport.cut_path, transport.cuts = "/files", 1
    await api.upload_file(sub.id, 0, pdf, idempotency_key="u-1")
    assert _keys(transport) == ["u-1", "u-1"]
    assert len((await api.submission(sub.id)).documents[0].files) == 1


async def test_a_key_reused_with_another_body_is_refused(cut) -> None:
    api, _transport = cut
    await api.new_thread(m.NewThread(subject="Un", topic="Santé", body="Premier"), idempotency_key="same")
    with pytest.raises(errors.ValidationFailed) as refused:
        await api.new_thread(m.NewThread(subject="Deux", topic="Santé", body="Autre"), idempotency_key="same")
    assert refused.value.problem is not None and refused.value.problem.code == "idempotency_key_reused"
