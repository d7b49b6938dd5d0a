"""Events wait in the session until its transaction commits, so that a tab told
about a change can always read it; a rolled-back change is never announced."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.events.hub import Event

_KEY = "outbox"


def emit(session: AsyncSession, *, user_id: int, type: str, data: Any) -> None:
    session.info.setdefault(_KEY, []).append((user_id, {"type": type, "data": data}))


def take(session: AsyncSession) -> list[tuple[int, Event]]:
    return session.info.pop(_KEY, [])


@asynccontextmanager
async def savepoint(session: AsyncSession) -> AsyncIterator[None]:
    """A nested transaction; if it rolls back, so do the events emitted in it."""
    waiting = session.info.setdefault(_KEY, [])
    kept = len(waiting)
    try:
        async with session.begin_nested():
            yield
    except BaseException:
        del waiting[kept:]
        raise
