"""Assistance internet: phone, opening hours (Paris time) and whether it is open right now."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from fastapi import APIRouter

from msa_tui.api.models import Assistance, OpeningSlot

from ..deps import CtxDep

router = APIRouter(tags=["assistance"])

PHONE = "03 20 900 500"
TIMEZONE = "Europe/Paris"
_PERIODS = [(time(8, 30), time(12, 15)), (time(13, 30), time(16, 30))]


def is_open(moment: datetime) -> bool:
    """Monday to Friday, 8:30–12:15 and 13:30–16:30 (closing time excluded); `moment` in Paris time."""
    if moment.weekday() >= 5:
        return False
    now = moment.time()
    return any(opens <= now < closes for opens, closes in _PERIODS)


def next_opening(moment: datetime) -> datetime | None:
    """The next opening after `moment` (Paris time) when closed; None when open."""
    if is_open(moment):
        return None
    for days in range(8):
        day = (moment + timedelta(days=days)).date()
        if day.weekday() >= 5:
            continue
        for opens, _closes in _PERIODS:
            start = datetime.combine(day, opens, moment.tzinfo)
            if start > moment:
                return start
    return None  # pragma: no cover - a working day comes within a week


@router.get("/assistance", response_model=Assistance, summary="Assistance internet (sans connexion)")
def assistance(ctx: CtxDep) -> Assistance:
    hours = [OpeningSlot(weekday=day, opens=f"{o:%H:%M}", closes=f"{c:%H:%M}")
             for day in range(5) for o, c in _PERIODS]
    now = ctx.now()
    return Assistance(phone=PHONE, timezone=TIMEZONE, hours=hours, open_now=is_open(now),
                      next_opening=next_opening(now))


@router.get("/health", summary="Le serveur répond")
def health() -> dict[str, str]:
    return {"status": "ok"}
