"""Where the client may connect: https everywhere, plain http only to this machine (loopback).

Password and tokens travel in every request: over plain http on a network anyone on the path
reads them and can feed the client anything. Certificate checks are never switched off; a
custom CA bundle (a company proxy, a test CA) is the only knob.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

MSG_SCHEME = "« {url} » n'est pas une adresse https:// (ni http:// vers cet ordinateur)."
MSG_PLAIN_HTTP = (
    "« {url} » : une connexion http:// non chiffrée n'est permise que vers cet ordinateur "
    "(localhost, 127.0.0.1, ::1). Utilisez https://{host}."
)
MSG_CA_MISSING = "Le fichier de certificats « {path} » est introuvable ou illisible."


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 or ::1 (brackets allowed)."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def server_url_problem(url: str) -> str | None:
    """None when the client may use `url`; else why not, in French."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return None
    if parts.scheme == "http" and host:
        return None if is_loopback(host) else MSG_PLAIN_HTTP.format(url=url, host=parts.netloc)
    return MSG_SCHEME.format(url=url)


def choose_ca_bundle(configured: str | None, environ_value: str | None) -> str | None:
    """The CA bundle to trust: the flag/config value, else SSL_CERT_FILE, else None (system defaults)."""
    for value in (configured, environ_value):
        if value and value.strip():
            return value.strip()
    return None


def ca_bundle_problem(path: str) -> str | None:
    """None when `path` is a readable file; else a French message."""
    candidate = Path(path).expanduser()
    try:
        with candidate.open("rb"):
            return None
    except OSError:
        return MSG_CA_MISSING.format(path=path)


def settings_problem(server_url: str | None, ca_bundle: str | None) -> str | None:
    """Why the client may not connect with these settings (French), or None. `server_url` None: not
    checked (the demo's own loopback server); `ca_bundle` None: the system's authorities."""
    problem = None if server_url is None else server_url_problem(server_url)
    if problem is None and ca_bundle is not None:
        problem = ca_bundle_problem(ca_bundle)
    return problem
