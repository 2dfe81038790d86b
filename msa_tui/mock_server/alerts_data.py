"""The dashboard alerts' data: démarche references, pieces asked for, and each demo member's last visit."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

OBJECT_BY_REQUEST_TYPE = {
    "css": "sante", "carte_assurance_maladie": "sante", "pension_invalidite": "sante",
    "changement_situation": "changement_situation", "ressources_prestations_familiales": "prestations_familiales",
    "cmg_paje": "prestations_familiales", "asf": "prestations_familiales", "aide_logement": "logement",
    "declaration_patrimoine": "logement", "retraite": "retraite", "rsa": "rsa_prime_activite",
    "prime_activite": "rsa_prime_activite",
}
"""The send-document object a démarche's pieces go under."""

PIECES_BY_REQUEST_TYPE = {"changement_situation": ["justificatif_domicile"]}
"""What the seeded « pièces demandées » ask for (the comment says it in words)."""

LAST_VISIT_DAYS = {"1850712345678": 141, "2900529012345": 30, "178022A123456": 95}
"""Days between the seeding month's first day and each demo member's last visit, chosen so that each
has a démarche whose status changed since (Pierre's CSS accepted, Sophie's ASF under study, Antoine's CSS
refused)."""


def request_reference(year: int, number: int) -> str:
    return f"DEM-{year}-{number:06d}"


def next_request_reference(conn: sqlite3.Connection, year: int) -> str:
    """DEM-<year>-<6 digits> from a counter kept in `meta`, inside the caller's transaction."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'next_request_reference'").fetchone()
    number = int(row["value"]) if row else 1
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_request_reference', ?)", (str(number + 1),))
    return request_reference(year, number)


def seed_alerts(tables: dict[str, list[dict[str, Any]]], start: date) -> None:
    """Adds the rows of this feature to the seed's `tables` (draws no random number: other ids stay put)."""
    requests = sorted(tables.get("requests", []), key=lambda r: (r["filed_at"], r["id"]))
    for number, req in enumerate(requests, start=1):
        year = datetime.fromisoformat(req["filed_at"]).year
        tables.setdefault("request_references", []).append(
            {"reference": request_reference(year, number), "request_id": req["id"]})
        natures = PIECES_BY_REQUEST_TYPE.get(req["type"])
        if req["status"] == "pieces_demandees" and natures:
            tables.setdefault("requested_pieces", []).append(
                {"request_id": req["id"], "object": OBJECT_BY_REQUEST_TYPE.get(req["type"], "autre"),
                 "natures": natures})
    tables.setdefault("meta", []).append({"key": "next_request_reference", "value": str(len(requests) + 1)})
    for member in tables.get("members", []):
        days = LAST_VISIT_DAYS.get(member["nir"])
        if days is not None:
            seen = datetime.combine(start - timedelta(days=days), time(18, 0), PARIS)
            tables.setdefault("visits", []).append(
                {"member_id": member["id"], "session_id": "seed", "seen_at": seen.isoformat(),
                 "previous_seen_at": None})


def pieces_received(conn: sqlite3.Connection, request_id: str | None, reference: str, when: datetime) -> None:
    """A sending linked to a démarche in « pièces demandées » puts it back under study (its alert ends)."""
    if request_id is None:
        return
    row = conn.execute("SELECT timeline, status FROM requests WHERE id = ?", (request_id,)).fetchone()
    if row is None or row["status"] != "pieces_demandees":
        return
    timeline = json.loads(row["timeline"])
    timeline.append({"status": "en_cours", "at": when.isoformat(),
                     "comment": f"Pièces reçues (envoi {reference}) : votre dossier est de nouveau à l'étude."})
    conn.execute("UPDATE requests SET status = 'en_cours', updated_at = ?, timeline = ? WHERE id = ?",
                 (when.isoformat(), json.dumps(timeline, ensure_ascii=False), request_id))
    conn.execute("DELETE FROM requested_pieces WHERE request_id = ?", (request_id,))
