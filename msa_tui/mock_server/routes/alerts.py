"""Dashboard alerts: declarations due, pièces demandées, threads awaiting a reply, démarches changed since
the member's last visit.

A visit is one login session. Each `GET /alerts` records the moment in the member's `visits` row; the first
call of a new session moves the previous session's last moment to `previous_seen_at`, the baseline for the
whole of the new session (what changed during this session is told at the next one).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from fastapi import APIRouter

from msa_tui.api.models import Alert, AlertKind, Alerts

from ..alerts_data import OBJECT_BY_REQUEST_TYPE
from ..deps import CtxDep, Member, MemberDep

router = APIRouter(prefix="/alerts", tags=["alerts"])

BENEFIT_LABELS = {"rsa": "RSA", "prime_activite": "Prime d'activité", "logement": "Aide au logement"}
QUIET_STATUSES = ("brouillon", "deposee", "pieces_demandees")
"""Not told as a change: the member's own filing, and pièces demandées (their own alert)."""


def last_visit(conn: sqlite3.Connection, me: Member, now: datetime) -> str | None:
    """The end of the previous visit (ISO), recording this moment as the current visit's latest."""
    row = conn.execute("SELECT * FROM visits WHERE member_id = ?", (me.id,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO visits (member_id, session_id, seen_at) VALUES (?, ?, ?)",
                     (me.id, me.session_id, now.isoformat()))
        return None
    baseline = row["previous_seen_at"] if row["session_id"] == me.session_id else row["seen_at"]
    conn.execute("UPDATE visits SET session_id = ?, seen_at = ?, previous_seen_at = ? WHERE member_id = ?",
                 (me.session_id, now.isoformat(), baseline, me.id))
    return baseline


def _last_event(row: sqlite3.Row) -> dict:
    timeline = json.loads(row["timeline"])
    return timeline[-1] if timeline else {"at": row["updated_at"], "comment": None}


def _declarations(conn: sqlite3.Connection, me: Member) -> list[Alert]:
    rows = conn.execute("SELECT * FROM declarations WHERE member_id = ? AND status = 'a_faire' "
                        "ORDER BY due_date, id", (me.id,)).fetchall()
    return [Alert(kind=AlertKind.declaration_due, target_id=r["id"], due_date=r["due_date"],
                  label=f"{BENEFIT_LABELS.get(r['benefit'], r['benefit'])}, {_quarter(r['quarter'])}") for r in rows]


def _quarter(quarter: str) -> str:
    year, _sep, number = quarter.partition("-T")
    return f"{number}{'er' if number == '1' else 'e'} trimestre {year}"


def _requests(conn: sqlite3.Connection, me: Member, since: str | None) -> list[Alert]:
    rows = conn.execute("SELECT r.*, p.object AS pieces_object, p.natures AS pieces_natures FROM requests r "
                        "LEFT JOIN requested_pieces p ON p.request_id = r.id WHERE r.member_id = ? "
                        "ORDER BY r.updated_at DESC, r.id", (me.id,)).fetchall()
    pieces, changed = [], []
    for r in rows:
        event = _last_event(r)
        common = {"target_id": r["id"], "label": r["label"], "status": r["status"], "at": event["at"],
                  "comment": event.get("comment")}
        if r["status"] == "pieces_demandees":
            pieces.append(Alert(
                kind=AlertKind.pieces_demandees, **common,
                object=r["pieces_object"] or OBJECT_BY_REQUEST_TYPE.get(r["type"], "autre"),
                natures=json.loads(r["pieces_natures"]) if r["pieces_natures"] else []))
        elif r["status"] not in QUIET_STATUSES and since is not None and _after(r["updated_at"], since):
            changed.append(Alert(kind=AlertKind.request_updated, **common))
    return pieces + changed


def _after(moment: str, since: str) -> bool:
    return datetime.fromisoformat(moment) > datetime.fromisoformat(since)


def _threads(conn: sqlite3.Connection, me: Member) -> list[Alert]:
    rows = conn.execute("SELECT * FROM threads WHERE member_id = ? AND awaiting_reply = 1 "
                        "ORDER BY updated_at DESC, id", (me.id,)).fetchall()
    return [Alert(kind=AlertKind.reply_awaited, target_id=r["id"], label=r["subject"], at=r["updated_at"])
            for r in rows]


@router.get("", response_model=Alerts, summary="Ce qui attend le membre : déclarations, pièces, réponses, "
                                                "démarches modifiées depuis sa dernière visite")
def alerts(me: MemberDep, ctx: CtxDep) -> Alerts:
    with ctx.store.tx() as conn:
        since = last_visit(conn, me, ctx.now())
        declarations = _declarations(conn, me)
        requests = _requests(conn, me, since)
        threads = _threads(conn, me)
    pieces = [a for a in requests if a.kind is AlertKind.pieces_demandees]
    changed = [a for a in requests if a.kind is AlertKind.request_updated]
    return Alerts(items=declarations + pieces + threads + changed,
                  last_visit=datetime.fromisoformat(since) if since else None)
