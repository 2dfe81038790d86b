"""ASGI middlewares: request bodies over a few MB are refused (uploads have their own limit); standard headers."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from msa_tui.api.models import Code

from .problems import problem_response

MAX_JSON_BODY = 2 * 1024 * 1024


class HttpMiddleware:
    """An ASGI middleware that sees HTTP requests only (`handle`); other scopes (lifespan) and the
    requests `applies` declines go straight to the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.applies(scope):
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    def applies(self, scope: Scope) -> bool:
        return True

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class BodyLimit(HttpMiddleware):
    """Buffers small bodies (JSON endpoints) and answers 413 past `limit`.

    Paths ending in `skip_suffix` (file uploads) stream through untouched: their route checks the size.
    """

    def __init__(self, app: ASGIApp, *, limit: int = MAX_JSON_BODY, skip_suffix: str = "/files") -> None:
        super().__init__(app)
        self.limit = limit
        self.skip_suffix = skip_suffix

    def applies(self, scope: Scope) -> bool:
        return not scope["path"].rstrip("/").endswith(self.skip_suffix)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413, Code.body_too_large,
            f"Le corps de la requête dépasse la taille autorisée ({self.limit // (1024 * 1024)} Mo).",
            instance=scope.get("path"),
        )
        await response(scope, receive, send)


class StandardHeaders(HttpMiddleware):
    """Headers every answer carries: browsers must not second-guess the declared type of a
    served file (nosniff), and every text the server writes is French."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"x-content-type-options" not in names:
                    headers.append((b"x-content-type-options", b"nosniff"))
                if b"content-language" not in names:
                    headers.append((b"content-language", b"fr"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
