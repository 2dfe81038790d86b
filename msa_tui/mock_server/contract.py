"""The error statuses each operation declares in the OpenAPI document, as the server really answers them.

Every path can answer 400 (malformed request), 413 (body over the limit), 421 (foreign `Host`) and
422 (invalid input); an operation behind the bearer token adds 401 and 403 (a procuration's limits);
one with a path parameter adds 404 (an id that is not the member's). Statuses only some operations
answer (409, 415, 423, 429…) are given by the route, with `with_text()` or a bare description. Every
error answer is then made a problem+json document here, once for the whole document rather than route
by route."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic.json_schema import models_json_schema

from msa_tui.api.models import Problem

from .problems import PROBLEM_JSON

Responses = dict[int | str, dict[str, Any]]

_DEFAULT_TEXT = {
    400: "Requête mal formée",
    401: "Non authentifié, ou session expirée ou révoquée",
    403: "Refusé : procuration inactive, ou action hors de son étendue (session d'une personne mandatée)",
    404: "Introuvable (ou appartenant à un autre membre)",
    409: "Conflit avec l'état actuel",
    413: "Corps trop volumineux",
    415: "Type de fichier non pris en charge",
    421: "Hôte non reconnu (en-tête Host étranger)",
    422: "Données invalides",
    423: "Compte verrouillé",
    429: "Trop de demandes (Retry-After)",
}
EVERY_PATH = (400, 413, 421, 422)
_PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}


def with_text(status: int, description: str) -> Responses:
    """`responses=` for a route answering `status` for a reason worth naming."""
    return {status: {"description": description}}


def _statuses(path: str, operation: dict[str, Any]) -> set[int]:
    statuses = set(EVERY_PATH)
    if operation.get("security"):
        statuses.add(401)
        statuses.add(403)  # a grantee's delegated session, beyond its procuration (delegation.py)
    if "{" in path:
        statuses.add(404)
    return statuses


def complete(document: dict[str, Any]) -> dict[str, Any]:
    """Adds the statuses every operation can answer and makes each 4xx a problem+json answer."""
    for path, operations in document["paths"].items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, operation):
                responses.setdefault(str(status), {})
            for status, entry in responses.items():
                if status.isdigit() and 400 <= int(status) < 500:
                    entry.setdefault("description", _DEFAULT_TEXT.get(int(status), "Erreur"))
                    entry["content"] = _PROBLEM_CONTENT
    _, defs = models_json_schema([(Problem, "serialization")], ref_template="#/components/schemas/{model}")
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in defs.get("$defs", {}).items():
        schemas.setdefault(name, schema)
    return document


def install(app: FastAPI) -> None:
    """The app's `openapi()` answers the completed document (built once, then cached by FastAPI)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
