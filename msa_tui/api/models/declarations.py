"""The API contract — quarterly declarations of resources."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import Money, RequestBody, ResponseBody


class DeclarationStatus(StrEnum):
    a_faire = "a_faire"
    deposee = "deposee"


class Declaration(ResponseBody):
    id: str
    benefit: Literal["rsa", "prime_activite", "logement"]
    quarter: str = Field(pattern=r"^[0-9]{4}-T[1-4]$")
    status: DeclarationStatus
    due_date: date
    filed_at: datetime | None = None
    resources: dict[str, Money] | None = None


class DeclarationFile(RequestBody):
    resources: dict[str, Money]
    """Amounts in euros by resource kind (salaires, chomage, pensions, autres)."""
