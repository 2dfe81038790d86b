"""Rules of « Gérer mes procurations »: given/received and status in French words, request checks (no Textual)."""

from __future__ import annotations

from msa_tui.api.models import Procuration, ProcurationStatus
from msa_tui.core.fields import Parsed, parse_line
from msa_tui.core.formatting import long_date
from msa_tui.core.i18n import _

NAME_MAX = 120
SCOPE_MAX = 200
"""The limits of the API contract (ProcurationCreate)."""

OTHER_SCOPE = "Autre (à préciser)"
SCOPES = (
    "Consulter mes paiements et mes documents",
    "Échanger avec ma MSA en mon nom",
    "Effectuer mes démarches en ligne",
    "Toutes les démarches de Mon espace privé",
    OTHER_SCOPE,
)
"""The short list the member picks the scope from; details (free text) may be added, and must be for "Autre"."""

STATUS_LABELS = {
    ProcurationStatus.demandee: "Demandée",
    ProcurationStatus.active: "Active",
    ProcurationStatus.revoquee: "Révoquée",
}

_VOWELS = "aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ"


def direction_words(procuration: Procuration) -> str:
    """"Donnée à Pierre Martin" (by me) or "Reçue d'Antoine Santoni" (for me)."""
    if procuration.direction == "given":
        return _("Donnée à {name}").format(name=procuration.grantee_name)
    name = procuration.grantor_name
    # French elides "de" before a vowel: "reçue d'Antoine Santoni".
    template = "Reçue d'{name}" if name[:1] in _VOWELS else "Reçue de {name}"
    return _(template).format(name=name)


def status_label(status: ProcurationStatus | str) -> str:
    """"Demandée", "Active" or "Révoquée"."""
    return _(STATUS_LABELS[ProcurationStatus(status)])


SINCE_TEMPLATES = {
    ProcurationStatus.demandee: "le {date}",
    ProcurationStatus.active: "depuis le {date}",
    ProcurationStatus.revoquee: "(procuration du {date})",
}
"""`since` is when the procuration was asked for or granted: revoking it does not move that date."""


def since_words(procuration: Procuration) -> str:
    """"depuis le 12 mars 2026" (active), "le 15 novembre 2026" (asked), "(procuration du …)" (revoked)."""
    template = SINCE_TEMPLATES[ProcurationStatus(procuration.status)]
    return _(template).format(date=long_date(procuration.since))


def summary(procuration: Procuration) -> str:
    """One line: who, status, since: "Reçue d'Antoine Santoni · Active depuis le 12 mars 2026"."""
    return f"{direction_words(procuration)} · {status_label(procuration.status)} {since_words(procuration)}"


def can_revoke(procuration: Procuration) -> bool:
    """A procuration already revoked has nothing left to revoke."""
    return procuration.status != ProcurationStatus.revoquee


def check_name(text: str) -> Parsed[str]:
    """The name of the person given the procuration: required, at most 120 characters."""
    return parse_line(text, max_length=NAME_MAX, blank=_("Indiquez le nom et le prénom de la personne."),
                      too_long=_("Le nom doit faire {n} caractères au plus."))


def build_scope(choice: str | None, details: str) -> Parsed[str]:
    """The scope sent to the server, from a choice in SCOPES and optional details (required for "Autre")."""
    extra = " ".join(details.split())
    if choice is None:
        return None, _("Choisissez l'étendue de la procuration.")
    if choice == OTHER_SCOPE:
        if not extra:
            return None, _("Précisez l'étendue de la procuration.")
        value = extra
    else:
        value = f"{choice} : {extra}" if extra else choice
    if len(value) > SCOPE_MAX:
        return None, _("L'étendue doit faire {n} caractères au plus (précisions comprises).").format(n=SCOPE_MAX)
    return value, None
