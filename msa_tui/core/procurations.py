"""Rules of « Gérer mes procurations »: given/received and status in French words, request checks, and
acting for a principal (what may be done, in words; which pages open) (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from msa_tui.api.models import Procuration, ProcurationRight, ProcurationStatus
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

SCOPE_RIGHTS: dict[str, tuple[ProcurationRight, ...]] = {
    SCOPES[0]: (ProcurationRight.consulter,),
    SCOPES[1]: (ProcurationRight.echanger,),
    SCOPES[2]: (ProcurationRight.demarches,),
    SCOPES[3]: tuple(ProcurationRight),
    # Free words cannot be checked by the server: "Autre" gives no online right (a paper procuration).
    OTHER_SCOPE: (),
}
"""What each choice lets the grantee do online (the server enforces it route by route)."""

STATUS_LABELS = {
    ProcurationStatus.demandee: "Demandée",
    ProcurationStatus.active: "Active",
    ProcurationStatus.revoquee: "Révoquée",
}

_VOWELS = "aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ"


def _elides(name: str) -> bool:
    # French elides "de" before a vowel: "reçue d'Antoine Santoni".
    return name[:1] in _VOWELS


def of_name(name: str) -> str:
    """"d'Antoine Santoni" / "de Sophie Le Gall"."""
    return f"d'{name}" if _elides(name) else f"de {name}"


def direction_words(procuration: Procuration) -> str:
    """"Donnée à Pierre Martin" (by me) or "Reçue d'Antoine Santoni" (for me)."""
    if procuration.direction == "given":
        return _("Donnée à {name}").format(name=procuration.grantee_name)
    name = procuration.grantor_name
    template = "Reçue d'{name}" if _elides(name) else "Reçue de {name}"
    return _(template).format(name=name)


def status_label(status: ProcurationStatus | str) -> str:
    """"Demandée", "Active" or "Révoquée"."""
    return _(STATUS_LABELS[ProcurationStatus(status)])


def to_accept(procuration: Procuration) -> bool:
    """Received and still asked for: the grantee must accept it before it can be used."""
    return procuration.direction == "received" and procuration.status == ProcurationStatus.demandee


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
    if to_accept(procuration):
        return _("{who} · À accepter (demandée {since})").format(
            who=direction_words(procuration), since=since_words(procuration))
    return f"{direction_words(procuration)} · {status_label(procuration.status)} {since_words(procuration)}"


def can_revoke(procuration: Procuration) -> bool:
    """Only the grantor revokes, and a procuration already revoked has nothing left to revoke."""
    return procuration.direction == "given" and procuration.status != ProcurationStatus.revoquee


def revoke_refusal(procuration: Procuration) -> str | None:
    """Why R does nothing on this procuration (None: it can be revoked)."""
    if procuration.direction == "received":
        return _("Seule la personne qui vous a donné cette procuration peut la révoquer.")
    if procuration.status == ProcurationStatus.revoquee:
        return _("Cette procuration est déjà révoquée.")
    return None


RIGHT_WORDS = {
    ProcurationRight.consulter: "consulter ses paiements et ses documents",
    ProcurationRight.echanger: "échanger avec la MSA en son nom",
    ProcurationRight.demarches: "effectuer ses démarches en ligne",
}


def rights_words(rights: list[ProcurationRight]) -> str:
    """"consulter ses paiements et ses documents, échanger avec la MSA en son nom"."""
    return ", ".join(_(RIGHT_WORDS[ProcurationRight(r)]) for r in rights)


def act_refusal(procuration: Procuration) -> str | None:
    """Why Enter cannot switch into the principal's space (None: it can)."""
    if procuration.direction == "given":
        return _("Vous avez donné cette procuration : c'est {name} qui peut agir pour vous.").format(
            name=procuration.grantee_name)
    if procuration.status == ProcurationStatus.demandee:
        return _("Acceptez d'abord cette procuration (touche A).")
    if procuration.status == ProcurationStatus.revoquee:
        return _("Cette procuration est révoquée : vous ne pouvez plus agir pour cette personne.")
    if not procuration.rights:
        return _("Cette procuration ne permet aucune démarche en ligne.")
    return None


def acting_words(principal_name: str) -> str:
    """The header's line while acting, in words: "Vous agissez pour Antoine Santoni"."""
    return _("Vous agissez pour {name}").format(name=principal_name)


ALWAYS = "always"
PAGE_RIGHTS: dict[str, ProcurationRight | str] = {
    "dashboard": ALWAYS, "profile": ALWAYS, "services": ALWAYS, "assistance": ALWAYS,
    "contact": ProcurationRight.echanger, "send_document": ProcurationRight.echanger,
    "messages": ProcurationRight.echanger,
    "documents": ProcurationRight.consulter, "payments": ProcurationRight.consulter,
    "attestations": ProcurationRight.consulter,
    "requests": ProcurationRight.demarches, "request_form": ProcurationRight.demarches,
    "declarations": ProcurationRight.demarches, "quotient_familial": ProcurationRight.demarches,
    "appointments": ProcurationRight.demarches,
}
"""Which right each page needs while acting; a page not listed (procurations) is not opened for someone else."""


if TYPE_CHECKING:
    from msa_tui.api.models import Me


@dataclass
class Acting:
    """The grantee acting for a principal: whose space is on show, through which procuration."""

    procuration_id: str
    principal_name: str
    rights: list[ProcurationRight]
    own: Me = field(repr=False)
    """The grantee's own profile, to go back to."""

    def allows_page(self, name: str) -> bool:
        need = PAGE_RIGHTS.get(name)
        return need == ALWAYS or need in self.rights

    def page_refusal(self) -> str:
        return _("Cette page n'entre pas dans la procuration que vous a donnée {name}.").format(
            name=self.principal_name)


def start_acting(procuration: Procuration, own: Me) -> Acting:
    return Acting(procuration.id, procuration.grantor_name, list(procuration.rights), own)


def check_name(text: str) -> Parsed[str]:
    """The name of the person given the procuration: required, at most 120 characters."""
    return parse_line(text, max_length=NAME_MAX, blank=_("Indiquez le nom et le prénom de la personne."),
                      too_long=_("Le nom doit faire {n} caractères au plus."))


def rights_for(choice: str | None) -> list[str]:
    """The rights sent with a request for the chosen scope."""
    return [str(r) for r in SCOPE_RIGHTS.get(choice or "", ())]


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
