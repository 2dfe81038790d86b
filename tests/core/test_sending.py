"""The send orchestration (create → upload each file → send) against the in-process mock server, no Textual."""

from __future__ import annotations

from pathlib import Path

import pytest

from msa_tui.api.errors import NetworkDown
from msa_tui.core.send_document.files import check_file
from msa_tui.core.send_document.sending import Outcome, Sender, SendProgress
from msa_tui.core.send_document.wizard import ChosenFile, FileStatus, Wizard, people_of
from tests.support.images import png
from tests.support.wizard_data import PDF


@pytest.fixture
async def wizard(logged_client, tmp_path: Path) -> Wizard:
    """Two documents ready to send: a PDF and a PNG in the first, a PDF in the second; attestation ticked."""
    constraints = await logged_client.submission_constraints()
    me = await logged_client.me()
    wiz = Wizard(me.id, constraints, people_of(me))
    medical = set(constraints.medical_natures)
    natures = [n.code for n in constraints.natures if n.code not in medical]
    wiz.set_object(constraints.objects[0].code)
    wiz.set_count(2)
    wiz.set_document(0, nature=natures[0], person_id=me.id, motif="Déménagement")
    wiz.set_document(1, nature=natures[1], person_id=me.id, motif="Impôts")
    wiz.add_files(0, [_chosen(tmp_path, "a-facture.pdf", PDF + b"facture", constraints),
                      _chosen(tmp_path, "b-page1.png", png(1), constraints)])
    wiz.add_files(1, [_chosen(tmp_path, "c-avis.pdf", PDF + b"avis", constraints)])
    wiz.set_attestation(True)
    return wiz


def _chosen(folder: Path, name: str, data: bytes, constraints) -> ChosenFile:
    path = folder / name
    path.write_bytes(data)
    chosen = check_file(path, constraints)
    assert isinstance(chosen, ChosenFile), chosen
    return chosen


class Recorder(SendProgress):
    """Every report, in the order it came."""

    def __init__(self) -> None:
        self.events: list[tuple] = []
        super().__init__(
            status=lambda text: self.events.append(("status", text)),
            file=lambda i, j, sent, total: self.events.append(("file", i, j, sent, total)),
            changed=lambda: self.events.append(("changed",)),
        )

    def kinds(self) -> list[tuple]:
        """The events with consecutive byte counts of one file folded into one ("file", i, j)."""
        folded: list[tuple] = []
        for event in self.events:
            if event[0] != "file":
                folded.append(event)
            elif folded[-1] != event[:3]:
                folded.append(event[:3])
        return folded


async def _sent_references(api) -> list[str]:
    """The reference of each sent file the member's documents list (one entry per file)."""
    page = await api.documents(direction="sent", limit=100)
    return [d.submission_reference for d in page.items if d.submission_reference]


async def test_two_documents_three_files_are_sent_with_progress_in_order(logged_client, wizard):
    before = await _sent_references(logged_client)
    progress = Recorder()
    result = await Sender(logged_client, wizard, progress).run()

    assert result.outcome is Outcome.sent and result.error is None and result.problems == []
    assert wizard.receipt == result.receipt and wizard.send_attempted
    assert [f.status for _i, _j, f in wizard.all_files()] == [FileStatus.uploaded] * 3
    assert progress.kinds() == [
        ("status", "Envoi en cours…"),
        ("changed",),  # the submission exists: its id is in the draft
        # each file: its upload key is in the draft before the upload, then its file id after it
        ("status", "Envoi de « a-facture.pdf »…"), ("changed",), ("file", 0, 0), ("changed",),
        ("status", "Envoi de « b-page1.png »…"), ("changed",), ("file", 0, 1), ("changed",),
        ("status", "Envoi de « c-avis.pdf »…"), ("changed",), ("file", 1, 0), ("changed",),
        ("status", "Transmission à votre MSA…"),
        ("changed",),  # the attempt is in the draft before the answer
        ("changed",),  # the receipt
    ]
    for i, j, chosen in wizard.all_files():
        sent = [e[3] for e in progress.events if e[0] == "file" and e[1:3] == (i, j)]
        assert sent == sorted(sent) and sent[-1] == chosen.size  # bytes only grow, up to the whole file

    submission = await logged_client.submission(wizard.submission_id)
    assert [[f.name for f in d.files] for d in submission.documents] == [
        ["a-facture.pdf", "b-page1.png"], ["c-avis.pdf"]]
    assert await _sent_references(logged_client) == [result.receipt.reference] * 3 + before


async def test_a_send_cut_in_the_middle_resumes_without_sending_anything_twice(logged_client, wizard):
    real_upload = logged_client.upload_file
    uploaded: list[str] = []
    cut_before = {"b-page1.png"}  # the network goes down as the second file starts

    async def upload(*args, name=None, **kwargs):
        if name in cut_before:
            raise NetworkDown()
        stored = await real_upload(*args, name=name, **kwargs)
        uploaded.append(stored.name)
        return stored

    logged_client.upload_file = upload
    progress = Recorder()
    cut = await Sender(logged_client, wizard, progress).run()

    assert cut.outcome is Outcome.interrupted and isinstance(cut.error, NetworkDown)
    assert [f.status for _i, _j, f in wizard.all_files()] == [
        FileStatus.uploaded, FileStatus.pending, FileStatus.pending]
    assert ("file", 0, 1, 0, wizard.documents[0].files[1].size) in progress.events  # its bar back to 0
    submission_id = wizard.submission_id
    assert submission_id and wizard.receipt is None and not wizard.send_attempted

    # The next run (as after a restart: the wizard read back from its draft) goes on from there.
    resumed_wizard = Wizard.from_dict(wizard.to_dict(), wizard.constraints, wizard.people)
    assert uploaded == ["a-facture.pdf"]
    cut_before.clear()  # the network is back
    uploaded.clear()
    done = await Sender(logged_client, resumed_wizard).run()

    assert done.outcome is Outcome.sent
    assert uploaded == ["b-page1.png", "c-avis.pdf"]  # the first file is not sent again
    assert resumed_wizard.submission_id == submission_id  # nor is a second submission created
    submission = await logged_client.submission(submission_id)
    assert sum(len(d.files) for d in submission.documents) == 3
    assert (await _sent_references(logged_client)).count(done.receipt.reference) == 3  # each file once


async def test_a_lost_answer_to_the_send_is_settled_by_the_kept_idempotency_key(logged_client, wizard):
    before = await _sent_references(logged_client)
    real_send = logged_client.send_submission

    async def send_then_lose_the_answer(*args, **kwargs):
        await real_send(*args, **kwargs)
        raise NetworkDown()

    logged_client.send_submission = send_then_lose_the_answer
    lost = await Sender(logged_client, wizard).run()
    assert lost.outcome is Outcome.interrupted
    assert wizard.send_attempted and wizard.receipt is None  # the draft is frozen: it may have gone

    logged_client.send_submission = real_send
    again = Wizard.from_dict(wizard.to_dict(), wizard.constraints, wizard.people)
    done = await Sender(logged_client, again).run()

    assert done.outcome is Outcome.sent
    after = await _sent_references(logged_client)
    assert after == [done.receipt.reference] * 3 + before  # one sending of three files


async def test_a_refused_creation_sends_nothing_and_says_why(logged_client, wizard):
    medical = wizard.constraints.medical_natures[0]
    wizard.set_document(0, nature=medical)
    result = await Sender(logged_client, wizard).run()
    assert result.outcome is Outcome.refused and result.error is not None and result.error.message
    assert wizard.submission_id is None and not wizard.send_attempted


async def test_a_file_changed_since_the_recap_is_not_uploaded(logged_client, wizard):
    changed = wizard.documents[1].files[0]
    Path(changed.path).write_bytes(PDF + b"another version")
    result = await Sender(logged_client, wizard).run()
    assert result.outcome is Outcome.files_failed and len(result.problems) == 1
    assert "c-avis.pdf" in result.problems[0]
    assert [f.status for _i, _j, f in wizard.all_files()] == [
        FileStatus.uploaded, FileStatus.uploaded, FileStatus.failed]
    assert not wizard.send_attempted

