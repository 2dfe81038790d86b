"""The demo outbox: e-mails the mock server "sends" land in a table read by `GET /dev/outbox`."""

from __future__ import annotations

from datetime import datetime

from .store import Store


def send_mail(store: Store, to: str, subject: str, body: str, when: datetime) -> None:
    store.run(
        "INSERT INTO outbox (recipient, subject, body, sent_at) VALUES (?, ?, ?, ?)",
        (to, subject, body, when.isoformat()),
    )
