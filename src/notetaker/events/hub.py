import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

# {"type": "task.updated", "data": {...}}; the README's API table lists the types.
Event = dict[str, Any]
# What one transaction emitted, in order: (user id, event).
Changes = Sequence[tuple[int, Event]]

QUEUE_LIMIT = 1000


class EventHub(Protocol):
    async def publish(self, user_id: int, event: Event) -> None:
        """An event tied to no transaction (a thinking step, a reply chunk)."""
        ...

    async def write_ahead(self, session: AsyncSession, changes: Changes) -> None:
        """Called inside the transaction that made `changes`, just before it commits."""
        ...

    async def committed(self, changes: Changes) -> None:
        """Called once the transaction that made `changes` has committed."""
        ...

    def subscribe(
        self, user_id: int
    ) -> AbstractAsyncContextManager[asyncio.Queue[Event]]:
        """Yields a queue of the user's events, from the moment it is entered."""
        ...

    async def aclose(self) -> None: ...


class LocalFanout:
    """The queues of this process's subscribers. A subscriber that stops reading
    loses its oldest events rather than growing memory without bound."""

    def __init__(self) -> None:
        self._queues: defaultdict[int, set[asyncio.Queue[Event]]] = defaultdict(set)

    def deliver(self, user_id: int, event: Event) -> None:
        for queue in tuple(self._queues.get(user_id, ())):
            if queue.full():
                queue.get_nowait()
                log.warning("events.dropped", extra={"user_id": user_id})
            queue.put_nowait(event)

    def wants(self, user_id: int) -> bool:
        return user_id in self._queues

    def users(self) -> list[int]:
        return list(self._queues)

    def __bool__(self) -> bool:
        return bool(self._queues)

    @asynccontextmanager
    async def subscribe(self, user_id: int) -> AsyncIterator[asyncio.Queue[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=QUEUE_LIMIT)
        self._queues[user_id].add(queue)
        try:
            yield queue
        finally:
            self._queues[user_id].discard(queue)
            if not self._queues[user_id]:
                del self._queues[user_id]


class InProcessHub(LocalFanout):
    """Fan-out inside one process: the single-process default, with no overhead."""

    async def publish(self, user_id: int, event: Event) -> None:
        self.deliver(user_id, event)

    async def write_ahead(self, session: AsyncSession, changes: Changes) -> None:
        return None

    async def committed(self, changes: Changes) -> None:
        for user_id, event in changes:
            self.deliver(user_id, event)

    async def aclose(self) -> None:
        return None
