"""Refuse oversized and non-JSON request bodies before any handler reads them."""

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from notetaker.core.errors import (
    AppError,
    PayloadTooLarge,
    UnsupportedMediaType,
    error_body,
)

_BODY_METHODS = {"POST", "PUT", "PATCH"}


class _Disconnected(Exception):
    """The client went away before sending its whole body: nobody to answer."""


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        problem = self._problem(dict(scope["headers"]))
        if problem is not None:
            await _refuse(problem, scope, receive, send)
            return
        # The whole body is read here, at most max_bytes of it, because an error
        # raised from inside the app's own reads reaches the client as a parse
        # error, not as 413. This also covers chunked bodies, which have no
        # Content-Length to check up front.
        try:
            body = await self._read_body(receive)
        except _Disconnected:
            return
        if body is None:
            await _refuse(self._too_large(), scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _problem(self, headers: dict[bytes, bytes]) -> AppError | None:
        length = headers.get(b"content-length")
        if length is not None and (
            not length.isdigit() or int(length) > self.max_bytes
        ):
            return self._too_large()
        has_body = length not in (None, b"0") or b"transfer-encoding" in headers
        if has_body and _media_type(headers) != b"application/json":
            return UnsupportedMediaType("Send the body as application/json.")
        return None

    def _too_large(self) -> PayloadTooLarge:
        return PayloadTooLarge(
            f"The request body is larger than {self.max_bytes} bytes.",
            details={"max_bytes": self.max_bytes},
        )

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The request body, or None as soon as it grows past the limit."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                raise _Disconnected
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _media_type(headers: dict[bytes, bytes]) -> bytes:
    # Media types are case-insensitive (RFC 9110 section 8.3.1).
    return headers.get(b"content-type", b"").split(b";")[0].strip().lower()


def _replay(body: bytes, receive: Receive) -> Receive:
    """Hands the app the body already read, then the client's later messages
    (such as a disconnect)."""
    pending = True

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _refuse(error: AppError, scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        error_body(error.code, error.message, error.details),
        status_code=error.status_code,
    )
    await response(scope, receive, send)
