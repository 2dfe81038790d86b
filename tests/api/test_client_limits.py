"""Caps on what the server sends: body size (streamed, memory bounded), an overall deadline, checked downloads."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from msa_tui.api import errors
from msa_tui.api.client import MsaClient
from msa_tui.api.transfer import MAX_BODY_BYTES

CHUNK = 64 * 1024


class Endless(httpx.AsyncByteStream):
    """A body of `total` bytes made on demand, counting what the client pulled."""

    def __init__(self, total: int, *, first: bytes = b"") -> None:
        self.total, self.first, self.pulled = total, first, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self.first:
            self.pulled += len(self.first)
            yield self.first
        while self.pulled < self.total:
            self.pulled += CHUNK
            yield b" " * CHUNK

    async def aclose(self) -> None:
        pass


class Drip(httpx.AsyncByteStream):
    """One byte, then nothing ever again (each socket wait would stay under its timeout)."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"{"
        await asyncio.Event().wait()


def client_for(response_of, **kwargs) -> MsaClient:
    async def handler(request: httpx.Request) -> httpx.Response:
        return response_of(request)

    kwargs.setdefault("retries", 0)
    return MsaClient("http://msa.test", transport=httpx.MockTransport(handler), backoff=0.0, **kwargs)


@pytest.mark.parametrize("status", [200, 500, 422])
async def test_a_400_mb_answer_is_refused_after_about_the_cap(status: int) -> None:
    body = Endless(400 * 1024 * 1024, first=b'{"items": ["')
    api = client_for(lambda r: httpx.Response(status, stream=body, headers={"content-type": "application/json"}))
    with pytest.raises(errors.InvalidResponse) as refused:
        await api.me()
    assert "volumineuse" in refused.value.message
    assert body.pulled <= MAX_BODY_BYTES + 2 * CHUNK


async def test_an_announced_huge_length_is_refused_before_reading() -> None:
    body = Endless(400 * 1024 * 1024)
    headers = {"content-type": "application/json", "content-length": str(400 * 1024 * 1024)}
    api = client_for(lambda r: httpx.Response(200, stream=body, headers=headers))
    with pytest.raises(errors.InvalidResponse, match="volumineuse"):
        await api.me()
    assert body.pulled == 0


async def test_a_dripped_answer_ends_at_the_overall_deadline_in_french() -> None:
    api = client_for(lambda r: httpx.Response(200, stream=Drip(), headers={"content-type": "application/json"}),
                     deadline=0.2)
    with pytest.raises(errors.NetworkDown) as late:
        await api.me()
    assert "à temps" in late.value.message


async def test_a_dripped_download_ends_too_and_leaves_no_file(tmp_path: Path) -> None:
    api = client_for(lambda r: httpx.Response(200, stream=Drip(), headers={"content-type": "application/pdf"}),
                     deadline=0.05)
    dest = tmp_path / "releve.pdf"
    with pytest.raises(errors.NetworkDown, match="à temps"):
        await api.download_document("d1", dest)
    assert os.listdir(tmp_path) == []


async def test_a_download_longer_than_announced_is_cut_and_discarded(tmp_path: Path) -> None:
    body = Endless(300 * 1024 * 1024)
    headers = {"content-type": "application/pdf", "content-length": "10"}
    api = client_for(lambda r: httpx.Response(200, stream=body, headers=headers))
    with pytest.raises(errors.ChecksumMismatch) as refused:
        await api.download_document("d1", tmp_path / "releve.pdf")
    assert "taille annoncée" in refused.value.message and "supprimé" in refused.value.message
    assert os.listdir(tmp_path) == [] and body.pulled <= 2 * CHUNK


async def test_a_download_with_another_hash_is_discarded(tmp_path: Path) -> None:
    data = b"%PDF-1.4 contenu"
    headers = {"content-type": "application/pdf", "X-Content-SHA256": hashlib.sha256(b"autre").hexdigest()}
    api = client_for(lambda r: httpx.Response(200, content=data, headers=headers))
    with pytest.raises(errors.ChecksumMismatch, match="empreinte"):
        await api.download_document("d1", tmp_path / "releve.pdf")
    assert os.listdir(tmp_path) == []


async def test_a_download_matching_its_hash_is_kept(tmp_path: Path) -> None:
    data = b"%PDF-1.4 contenu"
    headers = {"content-type": "application/pdf", "X-Content-SHA256": hashlib.sha256(data).hexdigest().upper()}
    api = client_for(lambda r: httpx.Response(200, content=data, headers=headers))
    dest = await api.download_document("d1", tmp_path / "releve.pdf")
    assert dest.read_bytes() == data


async def test_a_normal_answer_still_parses() -> None:
    page = {"items": [], "next_cursor": None}
    api = client_for(lambda r: httpx.Response(200, content=json.dumps(page).encode(),
                                              headers={"content-type": "application/json"}))
    assert (await api.payments()).items == []
