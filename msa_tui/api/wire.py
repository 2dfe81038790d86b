"""What the client's two transports share, importing neither httpx nor pydantic.

`transport.py` (httpx, async: the TUI and every command that writes) and `light.py` (light_http:
the command line's read path) apply the same rules from here: which calls are retried and on which
answers, how a query is written, how large an answer may be, whom TLS trusts, the French words for
a network failure.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # ssl is loaded by the functions that build a context (an http:// command needs none)
    import ssl

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})

NETWORK_DOWN_MESSAGE = (
    "Connexion impossible au service MSA. Vérifiez votre connexion réseau puis réessayez."
)
TIMEOUT_MESSAGE = "Le service MSA ne répond pas à temps. Vérifiez votre connexion puis réessayez."

MAX_BODY_BYTES = 4 * 1024 * 1024
"""The largest JSON or error answer read: the biggest page of the API is far below; more is refused."""
TOO_LARGE_MESSAGE = (
    "La réponse du serveur est anormalement volumineuse (plus de {mb} Mo) : elle a été refusée. "
    "Réessayez plus tard."
)


def query(params: dict[str, Any] | None) -> dict[str, str] | None:
    """Query parameters as the API reads them: None left out, dates ISO, enums by value, booleans lowercase."""
    if not params:
        return None
    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif hasattr(value, "value"):
            value = value.value
        elif isinstance(value, bool):
            value = "true" if value else "false"
        out[key] = str(value)
    return out


def tls_context(base_url: str, ca_bundle: str | None) -> ssl.SSLContext:
    """What certificates are checked with: always checked; `ca_bundle` only chooses whom to trust.

    A plain `http://` server (the transport policy allows it on this machine only) has no TLS to
    verify, so the CA bundle is not loaded for it (0.1 s and ~3 MiB per process): its context
    trusts no authority at all, so even a stray https request through it would be refused.
    """
    import ssl

    if urlsplit(base_url).scheme.lower() == "http":
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # certificate and host name checks on, no trust
    return verified_context(ca_bundle)


def verified_context(ca_bundle: str | None) -> ssl.SSLContext:
    """Certificate and host name checked against `ca_bundle`, else what httpx trusts by default:
    SSL_CERT_FILE, SSL_CERT_DIR, else certifi's authorities."""
    import ssl

    if ca_bundle:
        return ssl.create_default_context(cafile=ca_bundle)
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())
