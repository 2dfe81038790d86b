"""Client file transfers against scripted answers: streamed uploads, checksums, atomic downloads."""

from __future__ import annotations

import builtins
import hashlib
import json
import os
import threading
from pathlib import Path

import httpx
import pytest

from msa_tui.api import errors, transfer
from msa_tui.api.client import MsaClient


def echo_server(calls: list[httpx.Request], *, lie_about_sha: bool = False):
    """A fake upload endpoint that stores nothing and answers what it received."""

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if request.method == "DELETE":
            return httpx.Response(204)
        data = request.content
        digest = hashlib.sha256(b"other" if lie_about_sha else data).hexdigest()
        return httpx.Response(
            200,
            json={
                "file_id": "f1",
                "name": request.url.params["name"],
                "size": len(data),
                "sha256": digest,
                "content_type": "application/pdf",
            },
        )

    return MsaClient("http://msa.test", transport=httpx.MockTransport(handler), backoff=0.0)


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "facture.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(700_001))
    return path


@pytest.fixture(params=["quick disk", "slow disk"])
def disk(request, monkeypatch) -> str:
    """Run a test with reads on the event loop (a quick disk), then with every read after the first in a
    worker thread (as after one slow read)."""
    if request.param == "slow disk":
        monkeypatch.setattr(transfer, "SLOW_READ_S", -1.0)
    return request.param


async def test_upload_streams_in_chunks_with_length_progress_and_checksum(pdf: Path) -> None:
    calls: list[httpx.Request] = []
    progress: list[tuple[int, int]] = []
    api = echo_server(calls)
    stored = await api.upload_file("s1", 0, pdf, progress=lambda a, b: progress.append((a, b)), chunk_size=65536)
    size = pdf.stat().st_size
    request = calls[0]
    assert request.method == "PUT"
    assert request.url.path == "/api/v1/submissions/s1/documents/0/files"
    assert request.url.params["name"] == "facture.pdf"
    assert request.headers["content-length"] == str(size)
    assert request.content == pdf.read_bytes()
    assert stored.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert progress[0] == (0, size) and progress[-1] == (size, size)
    assert len(progress) > size // 65536  # one tick per chunk, not one at the end
    assert all(b == size for _, b in progress)
    assert [a for a, _ in progress] == sorted(a for a, _ in progress)


async def test_upload_keeps_a_chosen_name(pdf: Path) -> None:
    calls: list[httpx.Request] = []
    stored = await echo_server(calls).upload_file("s1", 2, pdf, name="Avis d'impôt 2025.pdf")
    assert stored.name == "Avis d'impôt 2025.pdf"
    assert calls[0].url.path.endswith("/documents/2/files")


async def test_a_checksum_mismatch_is_refused_and_the_file_taken_back(pdf: Path) -> None:
    calls: list[httpx.Request] = []
    api = echo_server(calls, lie_about_sha=True)
    with pytest.raises(errors.ChecksumMismatch) as caught:
        await api.upload_file("s1", 0, pdf)
    assert isinstance(caught.value, errors.ApiError)
    assert "ne correspond pas" in caught.value.message
    assert [c.method for c in calls] == ["PUT", "DELETE"]
    assert calls[1].url.path == "/api/v1/submissions/s1/documents/0/files/f1"


async def test_a_missing_file_is_a_french_error_before_anything_is_sent(tmp_path: Path) -> None:
    calls: list[httpx.Request] = []
    with pytest.raises(errors.FileUnreadable) as caught:
        await echo_server(calls).upload_file("s1", 0, tmp_path / "parti.pdf")
    assert "parti.pdf" in caught.value.message and "introuvable" in caught.value.message
    assert calls == []


async def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(errors.FileUnreadable):
        await echo_server([]).upload_file("s1", 0, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
async def test_an_unreadable_file_is_a_french_error(pdf: Path) -> None:
    pdf.chmod(0)
    with pytest.raises(errors.FileUnreadable) as caught:
        await echo_server([]).upload_file("s1", 0, pdf)
    assert "lisible" in caught.value.message


async def test_a_file_that_vanishes_after_the_size_check_is_a_french_error(pdf: Path) -> None:
    calls: list[httpx.Request] = []

    def vanish(sent: int, total: int) -> None:
        pdf.unlink()  # at the first progress tick (0 bytes), before the file is opened

    with pytest.raises(errors.FileUnreadable) as caught:
        await echo_server(calls).upload_file("s1", 0, pdf, progress=vanish)
    assert "disparu" in caught.value.message


async def test_a_file_shrinking_while_it_uploads_is_caught(pdf: Path, disk: str) -> None:
    def shrink(sent: int, total: int) -> None:
        if sent and pdf.stat().st_size == total:
            with open(pdf, "r+b") as handle:
                handle.truncate(sent + 10)

    with pytest.raises(errors.FileUnreadable) as caught:
        await echo_server([]).upload_file("s1", 0, pdf, progress=shrink, chunk_size=65536)
    assert "pendant l'envoi" in caught.value.message


async def test_a_file_growing_while_it_uploads_is_caught(pdf: Path, disk: str) -> None:
    def grow(sent: int, total: int) -> None:
        if sent:
            with open(pdf, "ab") as handle:
                handle.write(b"more")

    with pytest.raises(errors.FileUnreadable):
        await echo_server([]).upload_file("s1", 0, pdf, progress=grow, chunk_size=65536)


async def test_after_a_slow_read_the_file_is_read_off_the_event_loop_and_sent_the_same(
    pdf: Path, monkeypatch
) -> None:
    reads: list[str] = []
    real_open = builtins.open

    class Spied:
        """The uploaded file, noting which thread reads each chunk."""

        def __init__(self, handle) -> None:
            self.handle = handle

        def read(self, size: int) -> bytes:
            reads.append(threading.current_thread().name)
            return self.handle.read(size)

        def close(self) -> None:
            self.handle.close()

    def spying_open(path, *args, **kwargs):
        handle = real_open(path, *args, **kwargs)
        return Spied(handle) if Path(path) == pdf else handle

    monkeypatch.setattr(transfer, "open", spying_open, raising=False)
    monkeypatch.setattr(transfer, "SLOW_READ_S", -1.0)  # every read counts as slow
    calls: list[httpx.Request] = []
    progress: list[tuple[int, int]] = []
    stored = await echo_server(calls).upload_file("s1", 0, pdf, progress=lambda a, b: progress.append((a, b)),
                                                  chunk_size=65536)
    loop_thread = threading.current_thread().name
    assert reads[0] == loop_thread and len(reads) > 3
    assert all(name != loop_thread for name in reads[1:])  # the first read was slow: the others in a worker
    assert calls[0].content == pdf.read_bytes()
    assert stored.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert progress[-1] == (pdf.stat().st_size, pdf.stat().st_size)


async def test_an_upload_is_resent_whole_after_a_network_error(pdf: Path) -> None:
    calls: list[httpx.Request] = []
    inner = echo_server(calls)._http._transport
    failures = [httpx.ReadError("reset")]

    async def flaky(request: httpx.Request) -> httpx.Response:
        await request.aread()
        if failures:
            raise failures.pop()
        return await inner.handle_async_request(request)

    api = MsaClient("http://msa.test", transport=httpx.MockTransport(flaky), backoff=0.0)
    # Replayed only with an Idempotency-Key: without one, a lost answer could mean a stored file.
    stored = await api.upload_file("s1", 0, pdf, idempotency_key="k-1")
    assert calls[0].content == pdf.read_bytes() and calls[0].headers["Idempotency-Key"] == "k-1"
    assert stored.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()


def download_server(body: bytes | Exception, status: int = 200) -> MsaClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, Exception):
            stream = _Failing(body)
            return httpx.Response(status, stream=stream, headers={"content-type": "application/pdf"})
        if status != 200:
            problem = {"title": "t", "status": status, "detail": "Introuvable.", "code": "not_found"}
            return httpx.Response(status, content=json.dumps(problem),
                                  headers={"content-type": "application/problem+json"})
        return httpx.Response(200, content=body, headers={"content-type": "application/pdf"})

    return MsaClient("http://msa.test", transport=httpx.MockTransport(handler), backoff=0.0, retries=0)


class _Failing(httpx.AsyncByteStream):
    """A body that breaks after its first bytes, like a dropped connection."""

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    async def __aiter__(self):
        yield b"%PDF-1.4 partial"
        raise self.exc


async def test_download_writes_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    dest = tmp_path / "sub" / "releve.pdf"
    path = await download_server(b"%PDF-1.4 whole").download_document("d1", dest)
    assert path == dest and dest.read_bytes() == b"%PDF-1.4 whole"
    assert os.listdir(dest.parent) == ["releve.pdf"]


async def test_a_broken_download_keeps_the_previous_file_and_no_temp(tmp_path: Path) -> None:
    dest = tmp_path / "releve.pdf"
    dest.write_bytes(b"old copy")
    with pytest.raises(errors.NetworkDown):
        await download_server(httpx.ReadError("reset")).download_document("d1", dest)
    assert dest.read_bytes() == b"old copy"
    assert os.listdir(tmp_path) == ["releve.pdf"]


async def test_a_refused_download_writes_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "releve.pdf"
    with pytest.raises(errors.NotFound):
        await download_server(b"", status=404).download_document("d1", dest)
    assert os.listdir(tmp_path) == []


async def test_an_unwritable_destination_is_a_french_error(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(errors.FileUnwritable) as caught:
        await download_server(b"%PDF").download_document("d1", blocker / "releve.pdf")
    assert "Impossible" in caught.value.message
