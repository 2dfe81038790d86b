"""Where each service of the catalogue leads: a request form, another page of the app, or a short note."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from msa_tui.api.models import Service

PAGE_BY_CODE: dict[str, str] = {
    "paiements": "payments",
    "message": "messages",
    "envoyer_document": "send_document",
    "documents": "documents",
    "coordonnees": "profile",
    "rendez_vous": "appointments",
    "procurations": "procurations",
    "procuration_demander": "procurations",
    "quotient_familial": "quotient_familial",
    "declarations_rsa": "declarations",
    "declarations_logement": "declarations",
}
"""Service code → registry page name. Codes sharing a prefix are handled in `route_for`."""

PREFIX_PAGES: tuple[tuple[str, str], ...] = (
    ("attestation_", "attestations"),
    ("procuration_", "procurations"),
    ("declarations_", "declarations"),
)

INFO_BY_CODE: dict[str, str] = {
    "info_retraite": (
        "S'informer sur ma retraite : votre relevé de carrière et l'estimation de votre retraite sont "
        "sur info-retraite.fr, le site commun à tous les régimes. Pour une question sur votre dossier, "
        "écrivez-nous depuis « Nous envoyer un message »."
    ),
    "bien_vivre_retraite": (
        "Bien vivre ma retraite : ateliers de prévention, aide à domicile et loisirs sont proposés par "
        "l'action sanitaire et sociale de votre MSA. Demandez un rendez-vous pour en parler."
    ),
    "bien_vivre_retraite_info": (
        "Bien vivre ma retraite : ateliers de prévention, aide à domicile et loisirs sont proposés par "
        "l'action sanitaire et sociale de votre MSA. Demandez un rendez-vous pour en parler."
    ),
    "memo_sante_enfant": (
        "Le « Mémo Santé Enfant » rappelle les examens et vaccinations de votre enfant de 0 à 16 ans. "
        "Il se consulte sur le site msa.fr, en dehors de msa-tui."
    ),
}

FALLBACK_INFO = "Ce service n'est pas proposé dans msa-tui : retrouvez-le sur le site msa.fr."


@dataclass(frozen=True)
class Route:
    """What Enter on a service does: open a page (by registry name, with constructor arguments) or explain."""

    kind: Literal["page", "info"]
    page: str | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    """French explanation, for `info` routes (translate it when shown)."""


def route_for(service: Service) -> Route:
    """The route of one catalogue service, decided by its kind first, then by its code."""
    if service.kind == "request" and service.request_type:
        return Route("page", "request_form", {"request_type": service.request_type})
    if service.kind == "declaration":
        return Route("page", "declarations")
    page = PAGE_BY_CODE.get(service.code)
    if page is None:
        page = next((name for prefix, name in PREFIX_PAGES if service.code.startswith(prefix)), None)
    if page is not None:
        return Route("page", page)
    return Route("info", message=INFO_BY_CODE.get(service.code, FALLBACK_INFO))


def info_text(service: Service, route: Route) -> str:
    """What an information service says, then its web address written out (a terminal may not open links)."""
    from msa_tui.core.i18n import _

    text = _(route.message)
    if service.url:
        text += "\n" + _("Adresse : {url}").format(url=service.url)
    return text
