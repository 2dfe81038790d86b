"""`msa-tui send-document`: the wizard's checks, the core Sender, one submission however often it is re-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.wizard_keys import sample_files


@pytest.fixture
def files(isolated_dirs) -> dict[str, Path]:
    return sample_files(isolated_dirs)


# The seed's own sendings (« Mes envois ») are not this test's.
SENT_HERE = "SELECT id FROM submissions WHERE id NOT LIKE 'sub-seed-%'"


def sent_count(server_app) -> int:
    return len(server_app.state.ctx.store.all(SENT_HERE + " AND status = 'sent'"))


def all_count(server_app) -> int:
    return len(server_app.state.ctx.store.all(SENT_HERE))


def send(msa, files, *extra: str):
    return msa("send-document", "--object", "logement", "--nature", "bail", "--motif", "Nouveau bail",
               "--attest", str(files["a-facture.pdf"]), str(files["b-page1.png"]), *extra)


def test_two_files_are_sent_and_the_receipt_printed_and_saved(logged_in, files, server_app, isolated_dirs):
    result = send(logged_in, files)
    assert result.status == 0, result.err
    assert "Référence :" in result.out and "SHA-256" in result.out
    assert "a-facture.pdf" in result.out and "b-page1.png" in result.out
    assert max(len(line) for line in result.out.splitlines()[:-1]) <= 80  # the last one is a path
    import hashlib

    assert hashlib.sha256(files["a-facture.pdf"].read_bytes()).hexdigest() in result.out
    pdf = Path(result.out.strip().splitlines()[-1].split(" : ", 1)[1])
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sent_count(server_app) == 1


def test_the_same_key_twice_sends_once(logged_in, files, server_app):
    first = send(logged_in, files, "--idempotency-key", "cron-2026-11", "--json")
    assert first.status == 0, first.err
    second = send(logged_in, files, "--idempotency-key", "cron-2026-11", "--json")
    assert second.status == 0, second.err
    a, b = json.loads(first.out), json.loads(second.out)
    assert a["reference"] == b["reference"]
    assert (a["already_sent"], b["already_sent"]) == (False, True)
    assert all_count(server_app) == 1 and sent_count(server_app) == 1
    other = logged_in("send-document", "--object", "logement", "--nature", "rib", "--attest",
                      str(files["c-page2.pdf"]), "--idempotency-key", "cron-2026-11")
    assert other.status == 1 and "autre envoi" in other.err
    assert all_count(server_app) == 1


def test_the_derived_key_makes_a_rerun_send_nothing(logged_in, files, server_app):
    assert send(logged_in, files).status == 0
    again = send(logged_in, files)
    assert again.status == 0
    assert "rien n'a été renvoyé" in again.err
    assert all_count(server_app) == 1


def test_a_cut_off_send_resumes_from_its_draft(logged_in, files, server_app, monkeypatch):
    """The answer to the send is lost: the re-run repeats the key and gets the same receipt."""
    from msa_tui.api.client import MsaClient
    from msa_tui.api.errors import NetworkDown

    real_send = MsaClient.send_submission

    async def lost_answer(self, *args, **kwargs):
        await real_send(self, *args, **kwargs)
        raise NetworkDown()

    monkeypatch.setattr(MsaClient, "send_submission", lost_answer)
    cut = send(logged_in, files)
    assert cut.status == 4
    assert "Relancez la même commande" in cut.err
    monkeypatch.setattr(MsaClient, "send_submission", real_send)
    again = send(logged_in, files, "--json")
    assert again.status == 0, again.err
    assert all_count(server_app) == 1 and sent_count(server_app) == 1


def test_a_medical_nature_is_refused_with_the_postal_address(logged_in, files, server_app):
    result = logged_in("send-document", "--object", "sante", "--nature", "certificat_medical", "--attest",
                       str(files["a-facture.pdf"]), "--json")
    assert result.status == 1
    assert "courrier postal" in result.err and "Adresse postale" in result.err
    problem = json.loads(result.out)
    assert problem["code"] == "medical_document" and problem["exit_status"] == 1
    assert all_count(server_app) == 0


def test_without_attest_nothing_is_sent(logged_in, files, server_app):
    result = logged_in("send-document", "--object", "logement", "--nature", "bail", str(files["a-facture.pdf"]))
    assert result.status == 1
    assert "--attest" in result.err and "sur l'honneur" in result.err
    assert all_count(server_app) == 0


def test_bad_files_and_codes_are_refused_in_french(logged_in, files, server_app, isolated_dirs):
    program = isolated_dirs / "Documents" / "outil.pdf"
    program.write_bytes(b"\x7fELF" + b"\0" * 20)
    result = logged_in("send-document", "--object", "logement", "--nature", "inconnue", "--person", "personne",
                       "--attest", str(program), str(isolated_dirs / "absent.pdf"))
    assert result.status == 1
    for words in ("nature inconnue", "personne inconnue", "programme exécutable", "introuvable"):
        assert words in result.err
    assert all_count(server_app) == 0


def test_a_manifest_sends_several_documents(logged_in, files, server_app, isolated_dirs):
    me = json.loads(logged_in("me", "--json").out)
    manifest = isolated_dirs / "Documents" / "envoi.toml"
    manifest.write_text(
        'object = "prestations_familiales"\n'
        '[[documents]]\nnature = "justificatif_domicile"\nfiles = ["a-facture.pdf"]\n'
        f'[[documents]]\nnature = "acte_etat_civil"\nperson = "{me["household"][0]["id"]}"\n'
        'motif = "Livret de famille"\nfiles = ["b-page1.png", "c-page2.pdf"]\n', encoding="utf-8")
    result = logged_in("send-document", "--manifest", str(manifest), "--attest", "--json")
    assert result.status == 0, result.err
    receipt = json.loads(result.out)
    assert [len(d["files"]) for d in receipt["documents"]] == [1, 2]
    broken = isolated_dirs / "cassé.toml"
    broken.write_text("object = \n", encoding="utf-8")
    bad = logged_in("send-document", "--manifest", str(broken), "--attest")
    assert bad.status == 2 and "ne se lit pas" in bad.err
    assert sent_count(server_app) == 1
