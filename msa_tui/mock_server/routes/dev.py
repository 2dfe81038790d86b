"""Mock-only routes: the demo outbox where "e-mailed" codes land."""

from __future__ import annotations

from fastapi import APIRouter

from msa_tui.api.models import OutboxMail

from ..deps import CtxDep

router = APIRouter(prefix="/dev", tags=["dev"])


@router.get("/outbox", response_model=list[OutboxMail],
            summary="Les e-mails « envoyés » par le serveur de démonstration, le plus récent en dernier")
def outbox(ctx: CtxDep) -> list[OutboxMail]:
    rows = ctx.store.all(
        "SELECT recipient, subject, body, sent_at, attachment, attachment_size FROM outbox ORDER BY seq")
    return [OutboxMail(to=r["recipient"], subject=r["subject"], body=r["body"], sent_at=r["sent_at"],
                       attachment=r["attachment"], attachment_size=r["attachment_size"]) for r in rows]
