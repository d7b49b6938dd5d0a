"""Instrumentation of every request: id, metrics, rolling window, span, access log.

A pure ASGI middleware, so it sees an exception the handler raises, counts it and
answers the 500 itself, with the request id, through the one error shape.
"""

import time

import structlog
from opentelemetry.trace import SpanKind, Status, StatusCode
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from notetaker.core.errors import unexpected_error
from notetaker.observability import context, metrics
from notetaker.observability.tracing import tracer
from notetaker.observability.window import WINDOW

log = structlog.get_logger("notetaker.access")

UNMATCHED = "unmatched"


def route_of(scope: Scope) -> str:
    """The template of the route that answered, never the raw path."""
    return getattr(scope.get("route"), "path", UNMATCHED)


class InstrumentationMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = context.request_id_from(scope["headers"])
        context.start_request(request_id)
        header = (context.REQUEST_ID_HEADER, request_id.encode("latin-1"))
        status = 500  # what the client gets if the app fails before responding
        status_sent = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, status_sent
            if message["type"] == "http.response.start":
                status, status_sent = message["status"], True
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        metrics.HTTP_IN_FLIGHT.inc()
        started = time.perf_counter()
        with tracer.start_as_current_span(
            scope["method"],
            kind=SpanKind.SERVER,
            attributes={"http.request.method": scope["method"]},
            record_exception=False,
        ) as span:
            try:
                await self.app(scope, receive, send_with_id)
            except Exception as exc:
                _count_exception(scope, exc)
                if status_sent:
                    raise  # too late for a 500: the server must drop the connection
                response = unexpected_error(exc, route=route_of(scope))
                await response(scope, receive, send_with_id)
            finally:
                seconds = time.perf_counter() - started
                metrics.HTTP_IN_FLIGHT.dec()
                _finish(scope, span, status, seconds)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        accepted = False

        async def send_and_count(message: Message) -> None:
            nonlocal accepted
            if message["type"] == "websocket.accept" and not accepted:
                accepted = True
                metrics.WEBSOCKET_CONNECTIONS.inc()
            await send(message)

        try:
            await self.app(scope, receive, send_and_count)
        finally:
            if accepted:
                metrics.WEBSOCKET_CONNECTIONS.dec()


def _count_exception(scope: Scope, exc: Exception) -> None:
    metrics.HTTP_EXCEPTIONS.labels(
        method=scope["method"], route=route_of(scope), exception=type(exc).__name__
    ).inc()


def _finish(scope: Scope, span, status: int, seconds: float) -> None:
    method, route = scope["method"], route_of(scope)
    requests, latency = metrics.http_series(method, route, status)
    requests.inc()
    latency.observe(seconds)
    WINDOW.record("http", (method, route), seconds * 1000, error=status >= 500)
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR))
    log.info(
        "request.completed",
        method=method,
        route=route,
        status=status,
        duration_ms=round(seconds * 1000, 2),
    )
