import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

log = logging.getLogger(__name__)

# {"type": "task.updated", "data": {...}}; types are listed in docs/events.md.
Event = dict[str, Any]

QUEUE_LIMIT = 1000


class EventHub(Protocol):
    async def publish(self, user_id: int, event: Event) -> None: ...

    def subscribe(self, user_id: int) -> "AsyncIterator[asyncio.Queue[Event]]":
        """An async context manager yielding a queue of the user's events."""
        ...


class InProcessHub:
    """Fan-out inside one process. A subscriber that stops reading loses its oldest
    events rather than growing memory without bound."""

    def __init__(self) -> None:
        self._queues: defaultdict[int, set[asyncio.Queue[Event]]] = defaultdict(set)

    async def publish(self, user_id: int, event: Event) -> None:
        for queue in tuple(self._queues.get(user_id, ())):
            if queue.full():
                queue.get_nowait()
                log.warning("events.dropped", extra={"user_id": user_id})
            queue.put_nowait(event)

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
