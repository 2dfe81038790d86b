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


class MonthTotal(ResponseBody):
    """What was paid in one month for one domain (months and domains without payments are left out)."""

    month: date
    """The first day of the month."""
    domain: Domain
    total: Money
    count: int


class PaymentSummary(ResponseBody):
    """Totals per month and domain over a run of whole months, oldest month first."""

    first_month: date
    last_month: date
    totals: list[MonthTotal]
