"""Rules of the dashboard's alerts: each alert in French words, and the page it opens (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from msa_tui.api.models import Alert, AlertKind
from msa_tui.core.formatting import counted, short_date
from msa_tui.core.i18n import _
from msa_tui.core.requests import status_label
from msa_tui.core.send_document.wizard import Prefill


@dataclass(frozen=True)
class AlertTarget:
    """Where Entrée on an alert leads: a registry page (with its arguments), a thread or a démarche."""

    page: str
    kwargs: dict[str, Any] = field(default_factory=dict)


def alert_line(alert: Alert) -> str:
    """One alert on one line, its kind first in words (never a sign or a colour alone)."""
    if alert.kind is AlertKind.declaration_due:
        if alert.due_date is None:
            return _("Déclaration à faire : {what}").format(what=alert.label)
        return _("Déclaration avant le {day} : {what}").format(day=short_date(alert.due_date), what=alert.label)
    if alert.kind is AlertKind.pieces_demandees:
        return _("Pièces demandées : {what}").format(what=alert.label)
    if alert.kind is AlertKind.reply_awaited:
        return _("Réponse attendue : {what}").format(what=alert.label)
    status = status_label(alert.status) if alert.status is not None else ""
    return _("Démarche {status} : {what}").format(status=status.lower(), what=alert.label)


def alerts_heading(count: int) -> str:
    """"À faire (3)", or that nothing waits."""
    return counted(count, "À faire : {n} alerte", "À faire : {n} alertes",
                   "À faire : rien ne vous attend pour l'instant.")


def pieces_prefill(alert: Alert) -> Prefill:
    """The send-document wizard filled in for a démarche's pièces demandées."""
    motif = _("Pièces demandées pour ma démarche « {what} »").format(what=alert.label)
    return Prefill(object=alert.object or "autre", natures=tuple(alert.natures), request_id=alert.target_id,
                   motif=motif)


def alert_target(alert: Alert) -> AlertTarget:
    """The page an alert opens: « thread » and « request » are a thread's and a démarche's own page."""
    if alert.kind is AlertKind.declaration_due:
        return AlertTarget("declarations")
    if alert.kind is AlertKind.pieces_demandees:
        return AlertTarget("send_document", {"prefill": pieces_prefill(alert)})
    if alert.kind is AlertKind.reply_awaited:
        return AlertTarget("thread", {"thread_id": alert.target_id, "subject": alert.label})
    return AlertTarget("request", {"request_id": alert.target_id})
