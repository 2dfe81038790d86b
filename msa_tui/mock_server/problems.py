"""Every error of the mock server as RFC 9457 `application/problem+json`, with a French `detail`."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from msa_tui.api.models import Code, FieldError, Problem

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE = "tag:msa-tui.example,2026:problem:"
"""`type` of every problem: this prefix and its stable `code` (documented in docs/problems.md).
A tag URI (RFC 4151): it names the kind of problem and is not meant to be fetched."""

_TITLES = {
    400: "Requête invalide",
    401: "Non authentifié",
    404: "Introuvable",
    405: "Méthode non autorisée",
    409: "Conflit",
    413: "Contenu trop volumineux",
    415: "Type non pris en charge",
    422: "Données invalides",
    421: "Hôte non reconnu",
    423: "Compte verrouillé",
    429: "Trop de demandes",
    500: "Erreur interne",
}


class ProblemError(Exception):
    """Raised anywhere in a route: becomes a problem+json answer."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: list[FieldError] | None = None,
        retry_after: int | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.extra = extra or {}
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or []
        self.retry_after = retry_after
        self.headers = headers or {}

    def response(self, instance: str | None = None) -> JSONResponse:
        """The problem+json answer; `instance` is the path the problem happened on."""
        problem = Problem(
            **self.extra,
            **({"instance": instance} if instance else {}),
            type=PROBLEM_TYPE + self.code,
            title=_TITLES.get(self.status, "Erreur"),
            status=self.status,
            detail=self.detail,
            code=self.code,
            errors=self.errors,
            retry_after=self.retry_after,
        )
        headers = dict(self.headers)
        if self.retry_after is not None:
            headers.setdefault("Retry-After", str(self.retry_after))
        return JSONResponse(problem.model_dump(mode="json", exclude_none=True), status_code=self.status,
                            media_type=PROBLEM_JSON, headers=headers)


def problem_response(status: int, code: str, detail: str, *, instance: str | None = None,
                     **details: Any) -> JSONResponse:
    """A problem+json answer at once (outside a route): `details` as ProblemError takes them."""
    return ProblemError(status, code, detail, **details).response(instance)


def not_found(what: str = "Élément introuvable.") -> ProblemError:
    return ProblemError(404, Code.not_found, what)


def invalid(field: str, message: str, detail: str | None = None) -> ProblemError:
    """A 422 `validation_error` about one field."""
    return ProblemError(
        422,
        Code.validation_error,
        detail or f"Donnée invalide : {message}",
        errors=[FieldError(field=field, message=message)],
    )


# --- pydantic errors in French ------------------------------------------------------


def _french_message(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    simple = {
        "missing": "Ce champ est obligatoire.",
        "extra_forbidden": "Ce champ n'est pas attendu.",
        "string_type": "Un texte est attendu.",
        "string_pattern_mismatch": "Le format n'est pas valide.",
        "int_parsing": "Un nombre entier est attendu.",
        "int_type": "Un nombre entier est attendu.",
        "int_from_float": "Un nombre entier est attendu.",
        "float_parsing": "Un nombre est attendu.",
        "float_type": "Un nombre est attendu.",
        "finite_number": "Un nombre fini est attendu.",
        "decimal_parsing": "Un montant est attendu.",
        "decimal_type": "Un montant est attendu.",
        "decimal_max_places": "Deux décimales au plus sont acceptées.",
        "decimal_max_digits": "Ce montant est trop grand.",
        "decimal_whole_digits": "Ce montant est trop grand.",
        "bool_parsing": "Une valeur vrai/faux est attendue.",
        "bool_type": "Une valeur vrai/faux est attendue.",
        "date_parsing": "Date invalide (format attendu : AAAA-MM-JJ).",
        "date_from_datetime_parsing": "Date invalide (format attendu : AAAA-MM-JJ).",
        "date_from_datetime_inexact": "Date invalide (format attendu : AAAA-MM-JJ).",
        "date_type": "Date invalide (format attendu : AAAA-MM-JJ).",
        "datetime_parsing": "Date et heure invalides (format ISO 8601 attendu).",
        "datetime_type": "Date et heure invalides (format ISO 8601 attendu).",
        "model_attributes_type": "Un objet JSON est attendu.",
        "dict_type": "Un objet JSON est attendu.",
        "model_type": "Un objet JSON est attendu.",
        "list_type": "Une liste est attendue.",
        "json_invalid": "Le corps de la requête n'est pas un JSON valide.",
        "json_type": "Le corps de la requête n'est pas un JSON valide.",
        "uuid_parsing": "Identifiant invalide.",
    }
    if kind in simple:
        return simple[kind]
    if kind == "control_characters":  # MemberText / MemberBody: the French message is the model's
        return str(err.get("msg", "Valeur invalide."))
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])  # our own validators speak French
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return "Ce champ ne peut pas être vide." if n == 1 else f"Au moins {n} caractères sont attendus."
    if kind == "string_too_long":
        return f"Au plus {ctx.get('max_length')} caractères sont acceptés."
    if kind == "too_short":
        return f"Au moins {ctx.get('min_length')} élément(s) attendu(s)."
    if kind == "too_long":
        return f"Au plus {ctx.get('max_length')} élément(s) accepté(s)."
    if kind in ("greater_than_equal", "greater_than"):
        return f"La valeur doit être au moins {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"La valeur doit être au plus {ctx.get('le', ctx.get('lt'))}."
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "?")).replace(" or ", " ou ")
        return f"Valeur non autorisée (valeurs possibles : {expected})."
    return "Valeur invalide."


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:] or parts
    return ".".join(str(p) for p in parts)


def field_errors(errors: list[dict[str, Any]]) -> list[FieldError]:
    return [FieldError(field=_field_name(e.get("loc", ())), message=_french_message(e)) for e in errors]


# --- handlers ---------------------------------------------------------------------


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return exc.response(request.url.path)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in raw):
        return problem_response(
            400,
            Code.validation_error,
            "Le corps de la requête n'est pas un JSON valide.",
            errors=[FieldError(field="body", message="JSON invalide.")], instance=request.url.path,
        )
    errors = field_errors(raw)
    names = ", ".join(dict.fromkeys(e.field for e in errors))
    return problem_response(
        422, Code.validation_error, f"Certaines informations sont invalides : {names}.", errors=errors,
        instance=request.url.path,
    )


def _method_table(app: Any) -> list[tuple[re.Pattern[str], set[str]]]:
    table = getattr(app.state, "method_table", None)
    if table is None:
        table = []
        for template, operations in app.openapi()["paths"].items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            table.append((re.compile(f"^{pattern}$"), {m.upper() for m in operations}))
        app.state.method_table = table
    return table


def allowed_methods(request: Request) -> str:
    """Every method the document lists for this path (the router's own Allow names only one route's).

    Only the most literal templates count: `/appointments/slots` is its own resource, even though
    `/appointments/{appointment_id}` would also match it (a DELETE there is a 404, not a method)."""
    matches = [(pattern.pattern.count("[^/]+"), verbs)
               for pattern, verbs in _method_table(request.app) if pattern.match(request.url.path)]
    fewest = min((params for params, _ in matches), default=0)
    return ", ".join(sorted({verb for params, verbs in matches if params == fewest for verb in verbs}))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    where = request.url.path
    if exc.status_code == 404:
        return problem_response(404, Code.not_found, "Cette adresse n'existe pas sur le serveur.", instance=where)
    if exc.status_code == 405:
        return problem_response(
            405, Code.method_not_allowed, "Cette méthode n'est pas autorisée sur cette adresse.",
            headers={**dict(exc.headers or {}), "Allow": allowed_methods(request)}, instance=where,
        )
    if exc.status_code == 400:
        return problem_response(400, Code.validation_error, "La requête est mal formée.", instance=where)
    return problem_response(exc.status_code, "http_error", "La requête n'a pas pu être traitée.", instance=where)


async def _on_crash(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return problem_response(500, Code.internal_error, "Une erreur interne est survenue. Réessayez plus tard.",
                            instance=request.url.path)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_crash)
