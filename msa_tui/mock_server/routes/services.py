"""The services catalogue, request forms, and the quotient familial."""

from __future__ import annotations

from fastapi import APIRouter

from msa_tui.api.models import Code, QuotientFamilial, RequestForm, ServiceCategory

from ..catalogue_data import CATALOGUE, FORMS
from ..deps import CtxDep, MemberDep
from ..problems import ProblemError, not_found

router = APIRouter(tags=["catalogue"])


@router.get("/services", response_model=list[ServiceCategory], summary="Tous mes services en ligne")
def services(me: MemberDep) -> list[ServiceCategory]:
    return CATALOGUE


@router.get("/requests/forms/{request_type}", response_model=RequestForm, summary="Le formulaire d'une démarche")
def request_form(request_type: str, me: MemberDep) -> RequestForm:
    form = FORMS.get(request_type)
    if form is None:
        raise not_found("Cette démarche n'existe pas.")
    return form


@router.get("/quotient-familial", response_model=QuotientFamilial, summary="Mon quotient familial")
def quotient_familial(me: MemberDep, ctx: CtxDep) -> QuotientFamilial:
    row = ctx.store.one("SELECT * FROM quotients WHERE member_id = ?", (me.id,))
    if row is None:
        raise ProblemError(422, Code.not_eligible,
                           "Vous ne percevez pas de prestations familiales : aucun quotient familial n'est calculé.")
    return QuotientFamilial(value=row["value"], year=row["year"], parts=row["parts"],
                            reference_income=row["reference_income"], computed_at=row["computed_at"])
