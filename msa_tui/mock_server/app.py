"""The mock MSA backend: `create_app(data_dir)` builds a seeded FastAPI app serving `/api/v1`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi import APIRouter, FastAPI

from msa_tui.api.models import API_PREFIX

from . import contract, problems, seed
from .deps import DEFAULT_MAX_FILE_BYTES, Ctx, real_now
from .hosts import HostCheck
from .limits import BodyLimit, StandardHeaders
from .routes import (
    appointments, assistance, attestations, auth, dev, documents, member, messages, payments,
    procurations, requests, declarations, services, submissions, uploads,
    alerts,  # dashboard alerts (issue 14)
)
from .routes import attachments  # message attachments
from .store import Store
from .throttle import Limits, Throttle

def create_app(
    data_dir: Path,
    *,
    today: date | None = None,
    max_file_bytes: int | None = None,
    access_ttl_s: int = 900,
    limits: Limits | None = None,
    demo_outbox: bool = False,
) -> FastAPI:
    """A ready app on `data_dir` (created and seeded for `today`'s month when empty).

    `demo_outbox` adds `GET /dev/outbox` (every e-mailed code, unauthenticated) and the
    interactive documentation (/docs, /redoc, /openapi.json): for demos and tests only."""
    day = today or real_now().date()
    store = Store(Path(data_dir))
    seed.seed(store, day)
    app = FastAPI(
        title="MSA — Mon espace privé (serveur de démonstration)",
        version="1.0.0",
        description=(
            "API du portail « Mon espace privé » de la MSA, servie par le serveur de démonstration de msa-tui. "
            "Toutes les erreurs sont au format application/problem+json avec un `code` stable."
        ),
        docs_url="/docs" if demo_outbox else None,
        redoc_url="/redoc" if demo_outbox else None,
        openapi_url="/openapi.json" if demo_outbox else None,
    )
    app.state.ctx = Ctx(
        store=store,
        today=day,
        max_file_bytes=max_file_bytes or DEFAULT_MAX_FILE_BYTES,
        access_ttl_s=access_ttl_s,
        pinned=today is not None,
        throttle=Throttle(limits or Limits()),
    )
    problems.install(app)
    api = APIRouter(prefix=API_PREFIX)
    for module in (
        auth, member, messages, documents, submissions, payments, attestations, services, appointments,
        procurations, assistance, uploads, requests, declarations,
        attachments,  # message attachments
        alerts,  # dashboard alerts (issue 14)
    ):
        api.include_router(module.router)
    if demo_outbox:
        api.include_router(dev.router)
    app.include_router(api)
    contract.install(app)
    app.add_middleware(BodyLimit, skip_suffix="/files")
    app.add_middleware(StandardHeaders)
    app.add_middleware(HostCheck)
    return app


def bind_host_check(app: FastAPI, host: str, port: int) -> None:
    """From now on, only requests whose Host names `host:port` or a loopback name are served."""
    app.state.bound = (host, port)
