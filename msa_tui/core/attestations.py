"""Rules of attestations asked for a household member (an ayant droit): which kinds, whose name on the file."""

from __future__ import annotations

from msa_tui.api.models import AttestationKind, Me
from msa_tui.core.documents import safe_stem

HOUSEHOLD_KINDS = frozenset({AttestationKind.droits_maladie})
"""The kinds the portal delivers for a household member as well (droits maladie for a child, a spouse)."""


def attestation_people(me: Me) -> list[tuple[str, str]]:
    """(id, label) of whom an attestation may be for: the member first, then the household (as the
    send-document wizard names them)."""
    from msa_tui.core.send_document.wizard import people_of

    return [(person.id, person.label) for person in people_of(me)]


def person_for(kind: AttestationKind, person_id: str | None, me: Me) -> str | None:
    """The household member to ask for (None: the member): only for the kinds that allow it."""
    if kind not in HOUSEHOLD_KINDS or person_id is None or person_id == me.id:
        return None
    return person_id


def file_name_for(name: str, person_id: str | None, me: Me) -> str:
    """"2026-11-15 Attestation….pdf" → "2026-11-15 Attestation… - Lucas Martin.pdf" for a household member."""
    person = next((p for p in me.household if p.id == person_id), None)
    if person is None:
        return name
    stem = name.removesuffix(".pdf")
    return f"{stem} - {safe_stem(f'{person.first_name} {person.last_name}')}.pdf"
