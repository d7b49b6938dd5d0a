"""Events wait in the session until its transaction commits, so that a tab told
about a change can always read it; a rolled-back change is never announced. So
do the log lines of changes: no line tells of a change that was not stored."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.events.hub import Event

_KEY = "outbox"
_AFTER_COMMIT = "after_commit"


def emit(session: AsyncSession, *, user_id: int, type: str, data: Any) -> None:
    session.info.setdefault(_KEY, []).append((user_id, {"type": type, "data": data}))


def take(session: AsyncSession) -> list[tuple[int, Event]]:
    return session.info.pop(_KEY, [])


def after_commit(session: AsyncSession, action: Callable[[], None]) -> None:
    """`action()` once the transaction has committed: the caller of
    `take_after_commit` calls it."""
    session.info.setdefault(_AFTER_COMMIT, []).append(action)


def take_after_commit(session: AsyncSession) -> list[Callable[[], None]]:
    return session.info.pop(_AFTER_COMMIT, [])


@asynccontextmanager
async def savepoint(session: AsyncSession) -> AsyncIterator[None]:
    """A nested transaction; if it rolls back, so do the events emitted in it and
    the actions waiting for the commit."""
    waiting = [session.info.setdefault(key, []) for key in (_KEY, _AFTER_COMMIT)]
    kept = [len(entries) for entries in waiting]
    try:
        async with session.begin_nested():
            yield
    except BaseException:
        for entries, count in zip(waiting, kept, strict=True):
            del entries[count:]
        raise
