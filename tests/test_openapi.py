"""The committed OpenAPI document matches what the mock server generates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msa_tui.mock_server.openapi import document

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"
REGENERATE = "python -m msa_tui.mock_server.openapi > docs/openapi.json"


def test_committed_openapi_is_current() -> None:
    if not COMMITTED.exists():  # an unpacked wheel or a trimmed checkout has no docs/
        pytest.skip("docs/openapi.json is not in this tree")
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    generated = json.loads(json.dumps(document()))
    assert committed == generated, f"docs/openapi.json is out of date: regenerate it with `{REGENERATE}`"


PUBLIC = {"/api/v1/health", "/api/v1/assistance", "/api/v1/dev/outbox", "/api/v1/submissions/constraints"}


def test_member_operations_require_a_bearer_token() -> None:
    spec = document()
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    for path, ops in spec["paths"].items():
        if path in PUBLIC or (path.startswith("/api/v1/auth/") and path != "/api/v1/auth/logout"):
            continue
        for method, op in ops.items():
            assert op.get("security") == [{"HTTPBearer": []}], (method, path)


def _schemas_under(node: object, schemas: dict, seen: set[str]) -> set[str]:
    """The component schemas `node` refers to, followed transitively."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/") and (name := ref.rsplit("/", 1)[1]) not in seen:
            seen.add(name)
            _schemas_under(schemas[name], schemas, seen)
        for value in node.values():
            _schemas_under(value, schemas, seen)
    elif isinstance(node, list):
        for value in node:
            _schemas_under(value, schemas, seen)
    return seen


def test_request_bodies_refuse_unknown_fields_and_answers_tolerate_them() -> None:
    spec = document()
    schemas = spec["components"]["schemas"]
    operations = [op for ops in spec["paths"].values() for op in ops.values()]
    sent, answered = set(), set()
    for op in operations:
        _schemas_under(op.get("requestBody", {}), schemas, sent)
        _schemas_under(op.get("responses", {}), schemas, answered)
    assert {"LoginRequest", "ContactUpdate", "AddressUpdate", "DeclarationFile", "DocumentSpec"} <= sent
    assert not sent & answered, "a model is both sent and answered: split it into a request and a response model"
    for name in sent:
        assert schemas[name].get("additionalProperties") is False, name
    for name in answered - {"Problem"}:
        assert "additionalProperties" not in schemas[name], name
