"""Reading commands: payments, attestations, documents, messages, requests, constraints, me."""

from __future__ import annotations

import json
from datetime import date

from tests.support.members import DEMO_NIR


def _api_payments(server_app, **query):
    """Every payment as the API gives them, through the client straight (the commands are synchronous)."""
    import asyncio

    from tests.support.api import asgi_client
    from tests.support.members import PASSWORD

    async def fetch():
        async with asgi_client(server_app) as api:
            await api.login(DEMO_NIR, PASSWORD)
            items = []
            cursor = None
            while True:
                page = await api.payments(cursor=cursor, limit=100, **query)
                items += page.items
                cursor = page.next_cursor
                if cursor is None:
                    return [p.model_dump(mode="json") for p in items]

    return asyncio.run(fetch())


def test_payments_json_is_the_apis_models(logged_in, server_app):
    result = logged_in("payments", "list", "--all", "--json")
    assert result.status == 0, result.err
    printed = json.loads(result.out)
    expected = _api_payments(server_app)
    assert printed == expected and len(printed) > 50  # --all went past one page and past the default limit


def test_payments_filters_and_limit(logged_in, server_app):
    result = logged_in("--json", "payments", "list", "--domain", "famille", "--from", "2026-01-01",
                       "--to", "2026-06-30", "--limit", "3")
    assert result.status == 0, result.err
    printed = json.loads(result.out)
    expected = _api_payments(server_app, domain="famille", date_from=date(2026, 1, 1),
                                   date_to=date(2026, 6, 30))
    assert printed == expected[:3]
    assert all(p["domain"] == "famille" for p in printed)


def test_payments_table_fits_80_columns(logged_in):
    result = logged_in("payments", "list", "--limit", "10")
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["Date", "Domaine", "Libellé", "Montant"]
    assert max(len(line) for line in lines) <= 80
    assert "10 paiements, total" in result.out
    assert "--all" in result.err  # more payments exist: it says how to see them


def test_payments_csv_has_the_header_and_semicolons(logged_in):
    result = logged_in("payments", "list", "--limit", "2", "--csv")
    lines = result.out.splitlines()
    assert lines[0] == "Date;Domaine;Libellé;Bénéficiaire;Montant (€)"
    assert len(lines) == 3


def test_bad_dates_are_usage_errors(logged_in):
    result = logged_in("payments", "list", "--from", "15/11/2026")
    assert result.status == 2 and "AAAA-MM-JJ" in result.err
    result = logged_in("payments", "list", "--from", "2026-11-15", "--to", "2026-01-01")
    assert result.status == 2


def test_attestation_de_paiement_is_a_pdf_in_downloads(logged_in, isolated_dirs):
    result = logged_in("attestations", "get", "paiement", "--from", "2026-01-01", "--to", "2026-10-31")
    assert result.status == 0, result.err
    from pathlib import Path

    path = Path(result.out.strip())
    assert path.read_bytes().startswith(b"%PDF")
    assert "Attestation de paiement" in path.name
    again = logged_in("attestations", "get", "paiement", "--from", "2026-01-01", "--to", "2026-10-31")
    assert Path(again.out.strip()) != path  # never over an earlier file


def test_attestation_to_a_chosen_path(logged_in, tmp_path):
    dest = tmp_path / "droits.pdf"
    result = logged_in("attestations", "get", "droits_maladie", "-o", str(dest))
    assert result.status == 0, result.err
    assert result.out.strip() == str(dest)
    assert dest.read_bytes().startswith(b"%PDF")
    assert logged_in("attestations", "get", "droits_maladie", "--from", "2026-01-01").status == 2


def test_documents_list_and_download(logged_in, tmp_path):
    listed = logged_in("documents", "list", "--json")
    assert listed.status == 0, listed.err
    documents = json.loads(listed.out)
    assert documents
    table = logged_in("documents", "list")
    assert max(len(line) for line in table.out.splitlines()) <= 80
    result = logged_in("documents", "download", documents[0]["id"], "-o", str(tmp_path))
    assert result.status == 0, result.err
    from pathlib import Path

    assert Path(result.out.strip()).parent == tmp_path
    assert Path(result.out.strip()).stat().st_size == documents[0]["size"]
    missing = logged_in("documents", "download", "inconnu", "--json")
    assert missing.status == 1 and json.loads(missing.out)["status"] == 404


def test_messages_list_show_reply_new(logged_in):
    threads = json.loads(logged_in("messages", "list", "--json").out)
    assert threads
    shown = logged_in("messages", "show", threads[0]["id"])
    assert shown.status == 0 and threads[0]["subject"] in shown.out
    reply = logged_in("messages", "reply", threads[0]["id"], "--body", "Merci pour votre réponse.", "--json")
    assert reply.status == 0, reply.err
    assert json.loads(reply.out)["messages"][-1]["body"] == "Merci pour votre réponse."
    new = logged_in("messages", "new", "--topic", "Famille", "--subject", "Naissance", "--body-file", "-",
                    stdin="Bonjour,\nune naissance à déclarer.\n")
    assert new.status == 0, new.err
    assert len(json.loads(logged_in("messages", "list", "--json").out)) == len(threads) + 1
    empty = logged_in("messages", "reply", threads[0]["id"], "--body", "   ")
    assert empty.status == 1 and "vide" in empty.err
    bad_topic = logged_in("messages", "new", "--topic", "Météo", "--subject", "x", "--body", "y")
    assert bad_topic.status == 1 and "Santé" in bad_topic.err


def test_requests_me_and_constraints(logged_in):
    requests = logged_in("requests", "list", "--json")
    assert requests.status == 0, requests.err
    items = json.loads(requests.out)
    if items:
        shown = logged_in("requests", "show", items[0]["id"], "--json")
        assert json.loads(shown.out)["id"] == items[0]["id"]
    me = json.loads(logged_in("me", "--json").out)
    assert me["nir"] == DEMO_NIR and me["household"]
    assert "Pierre Martin (vous-même)" in logged_in("me").out
    constraints = json.loads(logged_in("constraints", "--json").out)
    assert "certificat_medical" in constraints["medical_natures"]
    human = logged_in("constraints").out
    assert "certificat_medical" in human and "PDF" in human


def test_static_code_lists_match_the_contract():
    from msa_tui.api.models import AttestationKind, Domain
    from msa_tui.commands_cli import attestations, payments

    assert set(payments.DOMAINS) == {d.value for d in Domain}
    assert set(attestations.KINDS) == {k.value for k in AttestationKind}
