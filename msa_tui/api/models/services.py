"""The API contract — the services catalogue."""

from __future__ import annotations

from typing import Literal


from .common import ResponseBody, ServerText


class Service(ResponseBody):
    code: ServerText
    label: ServerText
    kind: Literal["request", "declaration", "consultation", "page", "external"]
    request_type: ServerText | None = None
    """For `request`: the type to file under `/requests`."""
    url: ServerText | None = None
    """For a service that informs: its address on the web (msa.fr, info-retraite.fr)."""


class ServiceCategory(ResponseBody):
    code: ServerText
    label: ServerText
    services: list[Service]
