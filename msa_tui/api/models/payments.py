"""The API contract — payments: one line of the member's history, by domain."""

from __future__ import annotations

from datetime import date

from .codes import Domain as Domain  # defined without pydantic; re-exported here
from .common import Money, ResponseBody, ServerText


class Payment(ResponseBody):
    id: ServerText
    date: date
    amount: Money
    """Euros, positive."""
    domain: Domain
    label: ServerText
    beneficiary: ServerText | None = None
