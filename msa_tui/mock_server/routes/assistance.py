"""Assistance internet: phone, opening hours (Paris time) and whether it is open right now."""

from __future__ import annotations

from datetime import datetime, time

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


@router.get("/assistance", response_model=Assistance, summary="Assistance internet (sans connexion)")
def assistance(ctx: CtxDep) -> Assistance:
    hours = [OpeningSlot(weekday=day, opens=f"{o:%H:%M}", closes=f"{c:%H:%M}")
             for day in range(5) for o, c in _PERIODS]
    return Assistance(phone=PHONE, timezone=TIMEZONE, hours=hours, open_now=is_open(ctx.now()))


@router.get("/health", summary="Le serveur répond")
def health() -> dict[str, str]:
    return {"status": "ok"}
