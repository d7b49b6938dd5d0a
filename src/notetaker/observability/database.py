"""Timing of every database statement, through SQLAlchemy's cursor events."""

import time

from opentelemetry.trace import Status, StatusCode
from sqlalchemy import event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

from notetaker.observability.metrics import query_series
from notetaker.observability.tracing import tracer
from notetaker.observability.window import WINDOW

_KNOWN = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE", "BEGIN", "WITH"})
# Where the start of each running statement waits, on the connection itself.
_STARTED = "notetaker.query_started"


def operation_of(statement: str) -> str:
    """The statement's first keyword, from a fixed set (a bounded label)."""
    word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    return word if word in _KNOWN else "OTHER"


def instrument_engine(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine
    if event.contains(sync_engine, "before_cursor_execute", _before):
        return
    event.listen(sync_engine, "before_cursor_execute", _before)
    event.listen(sync_engine, "after_cursor_execute", _after)
    event.listen(sync_engine, "handle_error", _failed)


def _before(conn: Connection, _cursor, statement: str, *_args) -> None:
    operation = operation_of(statement)
    span = tracer.start_span(
        f"db {operation}",
        attributes={"db.system": conn.dialect.name, "db.operation": operation},
    )
    conn.info.setdefault(_STARTED, []).append((time.perf_counter(), operation, span))


def _after(conn: Connection, *_args) -> None:
    started, operation, span = conn.info[_STARTED].pop()
    seconds = time.perf_counter() - started
    query_series(operation).observe(seconds)
    WINDOW.record("db", operation, seconds * 1000, error=False)
    span.end()


def _failed(context: ExceptionContext) -> None:
    pending = context.connection.info.get(_STARTED) if context.connection else None
    if not pending:
        return
    started, operation, span = pending.pop()
    seconds = time.perf_counter() - started
    WINDOW.record("db", operation, seconds * 1000, error=True)
    span.set_status(Status(StatusCode.ERROR, type(context.original_exception).__name__))
    span.end()
