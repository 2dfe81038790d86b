"""The API contract — the services catalogue."""

from __future__ import annotations

from typing import Literal


from .common import ResponseBody


class Service(ResponseBody):
    code: str
    label: str
    kind: Literal["request", "declaration", "consultation", "page", "external"]
    request_type: str | None = None
    """For `request`: the type to file under `/requests`."""


class ServiceCategory(ResponseBody):
    code: str
    label: str
    services: list[Service]
