"""Events carried between the worker processes of one machine through the database,
for deployments without Redis (the embedded SQLite default with several workers).

A transaction's events are written in that same transaction, so they are ordered as
the changes themselves: on SQLite one writer commits at a time, and on PostgreSQL
an advisory lock held from the insert to the commit makes ids follow commit order,
so a reader that remembers the last id it saw never skips a row committed late.
Events tied to no transaction (thinking steps, reply chunks) wait in memory and go
out with this process's next write, or on their own a moment later.

Each process polls while it has subscribers, and delivers every event, its own
included, in id order: every tab of a user sees the same sequence.
"""

import asyncio
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import timedelta
from functools import partial

from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.events.hub import QUEUE_LIMIT, Changes, Event, LocalFanout
from notetaker.models import LiveEvent

log = logging.getLogger(__name__)

POLL_SECONDS = 0.15
# A burst of reply chunks within this time goes out in one write.
FLUSH_DELAY = 0.02
RETENTION = timedelta(minutes=1)
PRUNE_EVERY = timedelta(seconds=30)
READ_BATCH = 500
RETRY_SECONDS = 1.0
# Any constant shared by every process; it names the lock that orders the inserts.
ADVISORY_LOCK = 0x6E6F7465


# Built once, on the table: through the session, a statement on the mapped class
# takes the ORM's slower path.
_INSERT_EVENT = insert(LiveEvent.__table__)
_TAKE_ORDER_LOCK = select(func.pg_advisory_xact_lock(ADVISORY_LOCK))


class DatabaseHub:
    def __init__(
        self, database: Callable[[], Database], *, poll_seconds: float = POLL_SECONDS
    ) -> None:
        self._database = database
        self._poll_seconds = poll_seconds
        self._local = LocalFanout()
        self._pending: deque[tuple[int, Event]] = deque()
        self._flusher: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()
        self._nobody_carrying = asyncio.Event()
        self._nobody_carrying.set()
        self._wake = asyncio.Event()
        self._last_seen = 0
        self._pruned_at = utcnow() - PRUNE_EVERY

    async def publish(self, user_id: int, event: Event) -> None:
        if len(self._pending) >= QUEUE_LIMIT:
            self._pending.popleft()
            log.warning("events.dropped", extra={"user_id": user_id})
        self._pending.append((user_id, event))
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush())

    async def write_ahead(self, session: AsyncSession, changes: Changes) -> None:
        if changes:
            await self._append(session, changes)

    async def committed(self, changes: Changes) -> None:
        if changes:
            self._wake.set()

    @asynccontextmanager
    async def subscribe(self, user_id: int) -> AsyncIterator[asyncio.Queue[Event]]:
        async with self._local.subscribe(user_id) as queue:
            await self._ensure_polling()
            yield queue

    async def aclose(self) -> None:
        for task in (self._flusher, self._poller):
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task

    async def _append(self, session: AsyncSession, changes: Changes) -> None:
        if session.get_bind().dialect.name == "postgresql":
            await session.execute(_TAKE_ORDER_LOCK)
        # A failed transaction of this process frees the lock above with its
        # ROLLBACK, before it has put back the events it carried: they must still
        # go out before anything written after them.
        await self._nobody_carrying.wait()
        # Taken under the lock, so that earlier events are never inserted later.
        carried = self._take_pending()
        if carried:
            self._carry(session, carried)
        batch = [*carried, *changes]
        now = utcnow()
        rows = [
            {"user_id": user_id, "payload": json.dumps(event), "created_at": now}
            for user_id, event in batch
        ]
        if rows:
            await session.execute(_INSERT_EVENT, rows)
        if now - self._pruned_at >= PRUNE_EVERY:
            self._pruned_at = now
            await session.execute(
                delete(LiveEvent).where(LiveEvent.created_at < now - RETENTION)
            )

    def _carry(self, session: AsyncSession, carried: list[tuple[int, Event]]) -> None:
        """`carried`, not this transaction's own events, wait for the next write if
        it fails; other writers of this process wait until it has ended."""
        self._nobody_carrying.clear()

        def ended(_session: object, transaction: SessionTransaction) -> None:
            if transaction.parent is None:
                self._nobody_carrying.set()

        listen = partial(event.listen, session.sync_session)
        listen("after_rollback", lambda _: self._put_back(carried), once=True)
        listen("after_transaction_end", ended)

    def _take_pending(self) -> list[tuple[int, Event]]:
        pending = list(self._pending)
        self._pending.clear()
        return pending

    def _put_back(self, carried: list[tuple[int, Event]]) -> None:
        """Ahead of what was published since, as they were published before it."""
        self._pending.extendleft(reversed(carried))
        while len(self._pending) > QUEUE_LIMIT:
            user_id, _ = self._pending.popleft()
            log.warning("events.dropped", extra={"user_id": user_id})
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        await asyncio.sleep(FLUSH_DELAY)
        while self._pending:
            try:
                async with self._database().transaction() as session:
                    await self._append(session, ())
            except (SQLAlchemyError, OSError) as exc:
                log.warning("events.flush_failed", extra={"error": type(exc).__name__})
                await asyncio.sleep(RETRY_SECONDS)
            self._wake.set()
        # No await since the loop's check: a publish from now on starts a new flush.
        self._flusher = None

    async def _ensure_polling(self) -> None:
        async with self._starting:
            if self._poller is None or self._poller.done():
                # From here on, nothing committed is missed.
                self._last_seen = await self._database().read(_latest_id)
                self._poller = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        # Ends by itself, without an await between the check and the end, once
        # this process has no subscriber left.
        while self._local:
            try:
                rows = await self._database().read(
                    _rows_after, self._last_seen, READ_BATCH
                )
            except (SQLAlchemyError, OSError) as exc:
                log.warning("events.poll_failed", extra={"error": type(exc).__name__})
                await asyncio.sleep(RETRY_SECONDS)
                continue
            for row_id, user_id, payload in rows:
                self._last_seen = row_id
                if self._local.wants(user_id):
                    self._local.deliver(user_id, json.loads(payload))
            if len(rows) < READ_BATCH:
                await self._nap()

    async def _nap(self) -> None:
        """Until the next poll is due, or this process has committed events."""
        try:
            await asyncio.wait_for(self._wake.wait(), self._poll_seconds)
        except TimeoutError:
            pass
        self._wake.clear()


def _latest_id(session: Session) -> int:
    return session.scalar(select(func.max(LiveEvent.id))) or 0


def _rows_after(session: Session, last_seen: int, limit: int) -> list:
    query = (
        select(LiveEvent.id, LiveEvent.user_id, LiveEvent.payload)
        .where(LiveEvent.id > last_seen)
        .order_by(LiveEvent.id)
        .limit(limit)
    )
    return list(session.execute(query))
