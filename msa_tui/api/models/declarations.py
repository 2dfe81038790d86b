"""The API contract — quarterly declarations of resources, per household member and per month."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import Money, RequestBody, ResponseBody, ServerText

ResourceKind = Literal["salaires", "chomage", "pensions", "autres"]
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class DeclarationStatus(StrEnum):
    a_faire = "a_faire"
    deposee = "deposee"


class DeclaredAmount(ResponseBody):
    """One resource of one person of the household for one month of the quarter, in euros."""

    person_id: ServerText
    month: str = Field(pattern=MONTH_PATTERN)
    kind: ResourceKind
    amount: Money


class Declaration(ResponseBody):
    id: str
    benefit: Literal["rsa", "prime_activite", "logement"]
    quarter: str = Field(pattern=r"^[0-9]{4}-T[1-4]$")
    status: DeclarationStatus
    due_date: date
    filed_at: datetime | None = None
    resources: dict[str, Money] | None = None
    """The household's quarter totals by resource kind, once filed."""
    prefill: list[DeclaredAmount] = Field(default_factory=list)
    """Amounts the MSA already knows (employers' and pension funds' declarations), offered pre-filled."""
    amounts: list[DeclaredAmount] | None = None
    """What was filed, person by person and month by month."""
    submission_id: ServerText | None = None
    """Where its accusé de réception is kept (`GET /submissions/{id}/receipt`, « Mes envois »)."""
    reference: ServerText | None = None

    @property
    def months(self) -> list[str]:
        """The quarter's three months, "YYYY-MM"."""
        year, quarter = self.quarter.split("-T")
        first = (int(quarter) - 1) * 3 + 1
        return [f"{year}-{first + k:02d}" for k in range(3)]


class DeclarationAmount(RequestBody):
    person_id: str = Field(min_length=1, max_length=64)
    month: str = Field(pattern=MONTH_PATTERN)
    kind: ResourceKind
    amount: Money


class DeclarationFile(RequestBody):
    amounts: list[DeclarationAmount] = Field(max_length=300)
    """Every non-zero amount; what is not listed was not received."""
    certified: bool
    """« Je certifie sur l'honneur l'exactitude des informations déclarées »: nothing is filed without it."""
