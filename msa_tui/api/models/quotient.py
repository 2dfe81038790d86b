"""The API contract — the quotient familial and how it was computed."""

from __future__ import annotations

from datetime import date

from .common import Model


class QuotientFamilial(Model):
    value: int
    year: int
    parts: float
    reference_income: float
    computed_at: date
