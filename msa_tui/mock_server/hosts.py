"""An ASGI middleware refusing requests whose `Host` is not the server's own address.

A web page can make a browser resolve its own domain to 127.0.0.1 (DNS rebinding) and then
read this server's answers; such requests still carry the page's domain in `Host`, so only
loopback names and the bound address are served. The check applies once the app is bound
to a socket (`app.bind_host_check`, which sets `app.state.bound`): an app driven in-process
(tests, ASGI transport) has no socket to reach.
"""

from __future__ import annotations

import ipaddress

from starlette.types import Receive, Scope, Send

from msa_tui.api.models import Code

from .limits import HttpMiddleware
from .problems import problem_response

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def _split(host_header: str) -> tuple[str, int | None] | None:
    """(host, port) of a Host header, None when it is malformed."""
    value = host_header.strip().lower()
    if value.startswith("["):  # [::1]:8765
        end = value.find("]")
        if end < 0:
            return None
        host, rest = value[1:end], value[end + 1:]
        if rest and not rest.startswith(":"):
            return None
        port_text = rest[1:] if rest else ""
    else:
        host, _, port_text = value.partition(":")
    if not host:
        return None
    if port_text:
        if not port_text.isdigit() or len(port_text) > 5:
            return None
        return host, int(port_text)
    return host, None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def allows(bound: tuple[str, int] | None, host_header: str | None) -> bool | None:
    """True to serve, False for 421, None for a malformed header (400)."""
    if bound is None:
        return True
    parts = _split(host_header or "")
    if parts is None:
        return None
    host, port = parts
    bound_host, bound_port = bound[0].strip("[]").lower(), bound[1]
    if (port or 80) != bound_port:
        return False
    if host in LOOPBACK_NAMES or host == bound_host:
        return True
    # Bound to every interface: any address literal of this machine, never a name.
    return bound_host in ("0.0.0.0", "::") and _is_ip(host)


class HostCheck(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        header = dict(scope.get("headers") or []).get(b"host")
        bound = getattr(scope["app"].state, "bound", None) if "app" in scope else None
        verdict = allows(bound, header.decode("latin-1") if header is not None else None)
        if verdict is None:
            response = problem_response(400, Code.validation_error, "L'en-tête Host de la requête est invalide.",
                                        instance=scope.get("path"))
        elif verdict is False:
            response = problem_response(
                421, Code.misdirected_request,
                "Cette requête ne s'adresse pas à ce serveur (en-tête Host inattendu).", instance=scope.get("path"),
            )
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)
