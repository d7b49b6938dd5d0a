"""Refuse oversized and non-JSON request bodies before any handler reads them."""

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from notetaker.core.errors import PayloadTooLarge, UnsupportedMediaType, error_body

_BODY_METHODS = {"POST", "PUT", "PATCH"}


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        problem = self._problem(headers)
        if problem is not None:
            await _refuse(problem, scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _problem(self, headers: dict[bytes, bytes]) -> Exception | None:
        length = headers.get(b"content-length")
        if length is not None and (
            not length.isdigit() or int(length) > self.max_bytes
        ):
            return self._too_large()
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip()
        if length not in (None, b"0") and content_type != b"application/json":
            return UnsupportedMediaType("Send the body as application/json.")
        return None

    def _too_large(self) -> PayloadTooLarge:
        return PayloadTooLarge(
            f"The request body is larger than {self.max_bytes} bytes.",
            details={"max_bytes": self.max_bytes},
        )

    def _counting(self, receive: Receive) -> Receive:
        """Counts a body sent without Content-Length (chunked) as it arrives."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise self._too_large()
            return message

        return counted


async def _refuse(error, scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        error_body(error.code, error.message, error.details),
        status_code=error.status_code,
    )
    await response(scope, receive, send)
