"""Network trouble while sending: the server stopped mid-upload, and a lost answer to the send."""

from __future__ import annotations

from msa_tui.api.errors import NetworkDown
from msa_tui.app import MsaApp
from msa_tui.core.config import Config
from msa_tui.core.credentials import CredentialStore
from msa_tui.mock_server.runner import ServerThread
from tests.support.ui import MemoryKeyring, make_app, wait_for
from tests.support.wizard_keys import (
    add_files_to, fill_document, sample_files, start, step1_object, step2_prepare, step3_count, text, wait_step,
)


async def _to_sending(pilot) -> None:
    await step1_object(pilot, downs=5)
    await step2_prepare(pilot)
    await step3_count(pilot, 2)
    await wait_step(pilot, 4)
    await fill_document(pilot, nature=1, person=0, motif="Domicile")
    await fill_document(pilot, nature=2, person=1, motif="Impots")
    await pilot.press("ctrl+right")
    await wait_step(pilot, 5)
    await add_files_to(pilot, 0, [1, 2])
    await add_files_to(pilot, 1, [3])
    await pilot.press("ctrl+right")
    await wait_step(pilot, 6)
    await pilot.press("space")
    await pilot.press("ctrl+right")
    await wait_step(pilot, 7)


async def _sent_references(api) -> set[str]:
    page = await api.documents(direction="sent", limit=100)
    return {d.submission_reference for d in page.items if d.submission_reference}


async def test_server_stopped_mid_upload_then_retry_uploads_only_the_rest(tmp_path, pinned_today, isolated_dirs):
    sample_files(isolated_dirs)
    data = tmp_path / "live"
    server = ServerThread(data, today=pinned_today).start()
    port = server.port
    app = MsaApp(Config(server_url=server.url), server_url=server.url,
                 credentials=CredentialStore(backend=MemoryKeyring()), client_kwargs={"backoff": 0.0})
    uploads: list[str] = []
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await start(pilot)
            real_upload = app.client.upload_file

            async def upload_then_stop(*args, **kwargs):
                stored = await real_upload(*args, **kwargs)
                uploads.append(stored.name)
                if len(uploads) == 1:
                    server.stop()  # the server goes away right after the first file
                return stored

            app.client.upload_file = upload_then_stop
            await _to_sending(pilot)
            await wait_for(pilot, lambda: "Connexion perdue" in text(app, "#send-status"), rounds=1000)
            wiz = app.screen.wizard
            assert [f.status.value for _i, _j, f in wiz.all_files()] == ["uploaded", "pending", "pending"]
            assert wiz.submission_id and wiz.receipt is None
            restarted = ServerThread(data, port=port, today=pinned_today).start()
            server = restarted
            await pilot.press("r")
            await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=1000)
            assert uploads == ["a-facture.pdf", "b-page1.png", "c-page2.pdf"]  # the first one only once
            reference = wiz.receipt.reference
            refs = await _sent_references(app.client)
            assert reference in refs
    finally:
        server.stop()


async def test_lost_answer_then_retry_creates_one_submission(server_app, isolated_dirs, logged_client):
    sample_files(isolated_dirs)
    before = await _sent_references(logged_client)
    app = make_app(server_app)
    keys: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        real_send = app.client.send_submission

        async def send_then_lose_answer(submission_id, *, attestation, idempotency_key):
            keys.append(idempotency_key)
            receipt = await real_send(submission_id, attestation=attestation, idempotency_key=idempotency_key)
            if len(keys) == 1:
                raise NetworkDown()  # the server did it; the answer never came back
            return receipt

        app.client.send_submission = send_then_lose_answer
        await _to_sending(pilot)
        await wait_for(pilot, lambda: "Connexion perdue" in text(app, "#send-status"), rounds=1000)
        assert not app.screen.wizard.can_go_back()  # frozen: only a retry of the very same sending
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=1000)
        reference = app.screen.wizard.receipt.reference
    assert len(keys) == 2 and keys[0] == keys[1]
    after = await _sent_references(logged_client)
    assert after - before == {reference}
