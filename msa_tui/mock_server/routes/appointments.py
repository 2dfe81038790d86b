"""Appointments: free slots of the member's caisse over the coming weeks, booking and cancelling."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timedelta

from fastapi import APIRouter, Response, status

from msa_tui.api.models import Code, Appointment, AppointmentCreate, Page, Slot

from ..deps import CtxDep, Keyset, Member, MemberDep, PageDep, paginate
from ..problems import ProblemError, invalid, not_found

router = APIRouter(prefix="/appointments", tags=["appointments"])
ORDER = Keyset("appointments", (("s.starts_at", False), ("a.id", False)),
               labels=("starts_at", "aid"))

HORIZON = timedelta(weeks=6)


def _slot(row: sqlite3.Row) -> Slot:
    return Slot(id=row["id"], starts_at=row["starts_at"], duration_minutes=row["duration_minutes"],
                place=row["place"], mode=row["mode"])


def _appointment(row: sqlite3.Row) -> Appointment:
    return Appointment(id=row["aid"], slot=_slot(row), topic=row["topic"], booked_at=row["booked_at"],
                       phone=row["phone"])


_JOINED = ("SELECT a.id AS aid, a.topic, a.booked_at, a.phone, s.* FROM appointments a "
           "JOIN slots s ON s.id = a.slot_id WHERE a.member_id = ?")


@router.get("/slots", response_model=list[Slot], summary="Les créneaux libres des prochaines semaines")
def free_slots(me: MemberDep, ctx: CtxDep) -> list[Slot]:
    start = ctx.reference_now()
    rows = ctx.store.all(
        "SELECT s.* FROM slots s LEFT JOIN appointments a ON a.slot_id = s.id "
        "WHERE s.caisse = ? AND a.id IS NULL ORDER BY s.starts_at, s.id", (me.caisse,))
    return [_slot(r) for r in rows if start < datetime.fromisoformat(r["starts_at"]) <= start + HORIZON]


@router.get("", response_model=Page[Appointment], summary="Mes rendez-vous")
def list_appointments(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    return paginate(ctx.store, _JOINED, (me.id,), page, ORDER, _appointment)


@router.post("", response_model=Appointment, status_code=status.HTTP_201_CREATED, summary="Prendre rendez-vous",
             responses={404: {"description": "Créneau inexistant"}, 409: {"description": "Créneau déjà pris"}})
def book(body: AppointmentCreate, me: MemberDep, ctx: CtxDep) -> Appointment:
    taken = ProblemError(409, Code.slot_taken, "Ce créneau n'est plus disponible : choisissez-en un autre.")
    appointment_id = f"rdv-{secrets.token_hex(6)}"
    with ctx.store.tx() as conn:
        slot = conn.execute("SELECT * FROM slots WHERE id = ? AND caisse = ?", (body.slot_id, me.caisse)).fetchone()
        if slot is None:
            raise not_found("Ce créneau n'existe pas.")
        if datetime.fromisoformat(slot["starts_at"]) <= ctx.reference_now():
            raise taken
        if conn.execute("SELECT 1 FROM appointments WHERE slot_id = ?", (body.slot_id,)).fetchone():
            raise taken
        phone = _number_to_call(conn, me, slot["mode"], body.phone)
        conn.execute("INSERT INTO appointments (id, member_id, slot_id, topic, booked_at, phone) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     (appointment_id, me.id, body.slot_id, body.topic, ctx.now().isoformat(), phone))
        row = conn.execute(_JOINED + " AND a.id = ?", (me.id, appointment_id)).fetchone()
        return _appointment(row)


def _number_to_call(conn: sqlite3.Connection, me: Member, mode: str, phone: str | None) -> str | None:
    """A phone appointment calls the number given for it, else the member's; other modes call nobody."""
    if mode != "telephone":
        return None
    if phone is None:
        row = conn.execute("SELECT phone FROM members WHERE id = ?", (me.id,)).fetchone()
        phone = row["phone"] if row is not None else None
    if not phone:
        raise invalid("phone", "Indiquez le numéro auquel la MSA vous appellera.")
    return phone


@router.delete("/{appointment_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               summary="Annuler un rendez-vous")
def cancel(appointment_id: str, me: MemberDep, ctx: CtxDep) -> Response:
    if not ctx.store.run("DELETE FROM appointments WHERE id = ? AND member_id = ?", (appointment_id, me.id)):
        raise not_found("Ce rendez-vous est introuvable.")
    return Response(status_code=204)
