"""The demo data: a pure function of the seeding month (same month → same rows, ids included)."""

from __future__ import annotations

import functools
import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from . import seed_content as content
from . import seed_attachments  # message attachments
from . import seed_envois
from .alerts_data import seed_alerts
from .caisses import AGENCIES, ARMORIQUE, CORSE, MPN, caisse_for_nir
from .security import hash_password
from .store import Store

PARIS = ZoneInfo("Europe/Paris")
DEMO_PASSWORD = "demo-msa-2026"
HISTORY_MONTHS = 36
FIRST_REFERENCE = 120

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]


def add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_name(d: date) -> str:
    return f"{MONTHS_FR[d.month - 1]} {d.year}"


def at(d: date, hour: int = 9, minute: int = 0) -> str:
    return datetime.combine(d, time(hour, minute), PARIS).isoformat()


class _Ids:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self, prefix: str) -> str:
        return f"{prefix}-{self.rng.getrandbits(48):012x}"


@functools.lru_cache(maxsize=8)
def build(year: int, month: int) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    """All seed rows by table, and the blobs (sha256 → bytes) the documents point to."""
    rng = random.Random(year * 100 + month)
    ids = _Ids(rng)
    start = date(year, month, 1)
    history = [add_months(start, -k) for k in range(HISTORY_MONTHS, 0, -1)]
    tables: dict[str, list[dict[str, Any]]] = {}
    blobs: dict[str, bytes] = {}

    def add(table: str, row: dict[str, Any]) -> dict[str, Any]:
        tables.setdefault(table, []).append(row)
        return row

    people = content.members(ids)
    for person in people:
        add("members", {
            **person["member"],
            "password_hash": hash_password(DEMO_PASSWORD, salt=rng.randbytes(16)),
            "created_at": at(add_months(start, -40), 10),
        })
        for ord_, hh in enumerate(person["household"]):
            add("household", {**hh, "member_id": person["member"]["id"], "ord": ord_})

    pierre, sophie, antoine = (p["member"] for p in people)
    for row in content.payments(rng, ids, pierre, sophie, antoine, history, people):
        add("payments", row)
    for thread, messages in content.threads(rng, ids, pierre, sophie, antoine, start):
        add("threads", thread)
        for msg in messages:
            add("messages", msg)
    for doc, data in content.documents(ids, pierre, sophie, antoine, start):
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        blobs[digest] = data
        add("documents", {**doc, "sha256": digest, "size": len(data)})
    for req in content.requests(ids, pierre, sophie, antoine, start):
        add("requests", req)
    for decl in content.declarations(ids, pierre, sophie, start):
        add("declarations", decl)
    for qf in content.quotients(pierre, sophie, start):
        add("quotients", qf)
    for slot in _slots(start):
        add("slots", slot)
    add("procurations", {
        "id": ids("proc"), "grantor_id": antoine["id"], "grantee_id": pierre["id"],
        "grantor_name": "Antoine Santoni", "grantee_name": "Pierre Martin", "grantee_nir": pierre["nir"],
        "scope": "Consulter mes paiements et mes documents, échanger avec ma MSA en mon nom",
        "status": "active", "since": add_months(start, -8).replace(day=12).isoformat(),
        "rights": ["consulter", "echanger"],  # procurations: what Pierre may do for Antoine
    })
    # Members known to the MSA who have not opened their online account yet: registration needs
    # a record to match (drawn last, so the ids above do not move).
    for nir, first, last, born, email in content.NOT_YET_REGISTERED:
        add("members", {
            "id": ids("mbr"), "nir": nir, "first_name": first, "last_name": last, "birth_date": born,
            "email": email, "phone": None, "caisse": caisse_for_nir(nir), "password_hash": None, "doctor": None,
            "address": {"line1": "Adresse à compléter", "line2": None, "postal_code": "00000", "city": "—"},
            "created_at": at(add_months(start, -40), 10),
        })
    seed_attachments.add_attachments(tables, blobs)  # message attachments
    for table, row in seed_envois.rows(tables):  # Mes envois, pre-filled declarations (issue 14)
        add(table, row)
    add("meta", {"key": "seeded_for", "value": f"{year:04d}-{month:02d}"})
    add("meta", {"key": "next_reference", "value": str(FIRST_REFERENCE)})
    seed_alerts(tables, start)  # dashboard alerts and request references (issue 14)
    return tables, blobs


def _slots(start: date) -> list[dict[str, Any]]:
    """A few slots per working day over the seeding month and the next one, for each caisse."""
    rows = []
    end = add_months(start, 2)
    codes = {MPN: "mpn", ARMORIQUE: "arm", CORSE: "cor"}
    plan = [(9, 0, "agence", 0), (10, 30, "telephone", 0), (14, 0, "visio", 0), (15, 30, "agence", 1)]
    day = start
    while day < end:
        if day.weekday() < 5:
            for caisse, code in codes.items():
                for n, (hour, minute, mode, agency) in enumerate(plan):
                    if (day.day + n) % 4 == 0:  # not every slot every day: a plausible sparse agenda
                        continue
                    place = AGENCIES[caisse][agency] if mode == "agence" else (
                        "Par téléphone (la MSA vous appelle)" if mode == "telephone" else "En visioconférence")
                    rows.append({
                        "id": f"slot-{code}-{day:%Y%m%d}-{hour:02d}{minute:02d}",
                        "caisse": caisse, "starts_at": at(day, hour, minute),
                        "duration_minutes": 30, "place": place, "mode": mode,
                    })
        day += timedelta(days=1)
    return rows


def seed(store: Store, today: date) -> bool:
    """Fill an empty store for `today`'s month; a store already seeded is left as it is."""
    if store.get_meta("seeded_for") is not None:
        return False
    tables, blobs = build(today.year, today.month)
    for data in blobs.values():
        store.put_blob(data)
    with store.tx() as conn:
        for table, rows in tables.items():
            for row in rows:
                store.insert(conn, table, row)
    return True
