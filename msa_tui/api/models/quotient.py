"""The API contract — the quotient familial and how it was computed."""

from __future__ import annotations

from datetime import date

from .common import Money, ResponseBody


class QuotientFamilial(ResponseBody):
    value: int
    year: int
    parts: float
    reference_income: Money
    """Euros a year."""
    computed_at: date
