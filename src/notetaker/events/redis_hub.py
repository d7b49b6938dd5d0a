"""Events carried between processes and hosts by Redis pub/sub, one channel per
user: a process subscribes only to the users it has sockets for, so it receives
nothing for the others.

One task per process publishes, in the order events were handed to it, and one
task receives; every event, a process's own included, reaches its tabs through
Redis, so each channel's single order is what every tab sees. Neither task ever
makes a request wait for Redis. Pub/sub keeps nothing: an event published while a
process is cut off from Redis does not reach that process's tabs.
"""

import asyncio
import json
import logging
import uuid
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.events.hub import QUEUE_LIMIT, Changes, Event, LocalFanout

log = logging.getLogger(__name__)

# Events waiting to be published while Redis is away; the oldest go first.
OUTGOING_LIMIT = 10 * QUEUE_LIMIT
RETRY_FIRST = 0.1
RETRY_MAX = 5.0
# How long a new socket waits for Redis to confirm its subscription.
CONFIRM_SECONDS = 2.0


class RedisHub:
    def __init__(self, client: Redis, *, prefix: str) -> None:
        self._client = client
        self._prefix = prefix
        self._local = LocalFanout()
        self._outgoing: deque[tuple[int, str]] = deque()
        self._ready = asyncio.Event()
        self._sender: asyncio.Task[None] | None = None
        self._receiver: asyncio.Task[None] | None = None
        self._pubsub: PubSub | None = None
        self._confirmations: dict[str, asyncio.Future[None]] = {}

    @classmethod
    def from_url(cls, url: str, *, prefix: str) -> "RedisHub":
        # The name lets an operator (or a test) find the connections in CLIENT LIST.
        client = Redis.from_url(
            url,
            socket_connect_timeout=2,
            socket_timeout=5,
            client_name=f"{prefix}hub",
        )
        return cls(client, prefix=prefix)

    async def publish(self, user_id: int, event: Event) -> None:
        if len(self._outgoing) >= OUTGOING_LIMIT:
            self._outgoing.popleft()
            log.warning("events.dropped", extra={"user_id": user_id})
        self._outgoing.append((user_id, json.dumps(event)))
        self._ready.set()
        if self._sender is None:
            self._sender = asyncio.create_task(self._send())

    async def write_ahead(self, session: AsyncSession, changes: Changes) -> None:
        return None

    async def committed(self, changes: Changes) -> None:
        for user_id, event in changes:
            await self.publish(user_id, event)

    @asynccontextmanager
    async def subscribe(self, user_id: int) -> AsyncIterator[asyncio.Queue[Event]]:
        first = not self._local.wants(user_id)
        try:
            async with self._local.subscribe(user_id) as queue:
                await self._listen_to(user_id, first=first)
                yield queue
        finally:
            if not self._local.wants(user_id):
                await self._stop_listening_to(user_id)

    async def aclose(self) -> None:
        for task in (self._sender, self._receiver):
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        await self._disconnect()
        await self._client.aclose()

    def _channel(self, user_id: int) -> str:
        return f"{self._prefix}{user_id}"

    async def _send(self) -> None:
        delay = RETRY_FIRST
        while True:
            await self._ready.wait()
            self._ready.clear()
            while self._outgoing:
                batch = list(self._outgoing)
                self._outgoing.clear()
                try:
                    await self._publish_batch(batch)
                except (RedisError, OSError) as exc:
                    self._requeue(batch)
                    _warn("publish", exc)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, RETRY_MAX)
                    continue
                delay = RETRY_FIRST

    async def _publish_batch(self, batch: list[tuple[int, str]]) -> None:
        async with self._client.pipeline(transaction=False) as pipe:
            for user_id, payload in batch:
                pipe.publish(self._channel(user_id), payload)
            await pipe.execute()

    def _requeue(self, batch: list[tuple[int, str]]) -> None:
        self._outgoing.extendleft(reversed(batch))
        while len(self._outgoing) > OUTGOING_LIMIT:
            user_id, _ = self._outgoing.popleft()
            log.warning("events.dropped", extra={"user_id": user_id})

    async def _listen_to(self, user_id: int, *, first: bool) -> None:
        """Returns once Redis confirms the user's channel (or after a short wait:
        the socket still opens, and the next connection subscribes to it)."""
        if self._receiver is None:
            self._receiver = asyncio.create_task(self._receive())
        channel = self._channel(user_id)
        if first:
            self._confirmations[channel] = asyncio.get_running_loop().create_future()
            if self._pubsub is not None:
                with suppress(RedisError, OSError):
                    await self._pubsub.subscribe(channel)
        confirmed = self._confirmations.get(channel)
        if confirmed is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(confirmed), CONFIRM_SECONDS)

    async def _stop_listening_to(self, user_id: int) -> None:
        channel = self._channel(user_id)
        self._confirmations.pop(channel, None)
        if self._pubsub is not None:
            # A failure here is harmless: the next connection subscribes afresh.
            with suppress(RedisError, OSError):
                await self._pubsub.unsubscribe(channel)

    async def _receive(self) -> None:
        delay = RETRY_FIRST
        while True:
            try:
                await self._connect()
                delay = RETRY_FIRST
                await self._deliver_forever()
            except (RedisError, OSError) as exc:
                _warn("subscribe", exc)
            await self._disconnect()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)

    async def _connect(self) -> None:
        pubsub = self._client.pubsub()
        await pubsub.connect()
        # From here on a new user's channel is subscribed by `_listen_to`; the
        # ones already wanted are listed with no await in between, so none is lost.
        self._pubsub = pubsub
        # A channel of this process's own keeps the connection subscribed, and so
        # readable, while no user is.
        channels = [f"{self._prefix}process:{uuid.uuid4().hex}"]
        channels += [self._channel(user_id) for user_id in self._local.users()]
        await pubsub.subscribe(*channels)

    async def _disconnect(self) -> None:
        pubsub, self._pubsub = self._pubsub, None
        if pubsub is not None:
            with suppress(RedisError, OSError):
                await pubsub.aclose()

    async def _deliver_forever(self) -> None:
        assert self._pubsub is not None
        while True:
            message = await self._pubsub.get_message(timeout=None)
            if message is not None:
                self._handle(message)

    def _handle(self, message: dict) -> None:
        channel = message["channel"].decode()
        if message["type"] == "subscribe":
            confirmed = self._confirmations.get(channel)
            if confirmed is not None and not confirmed.done():
                confirmed.set_result(None)
            return
        if message["type"] != "message":
            return
        user = channel.removeprefix(self._prefix)
        if user.isdigit():
            self._local.deliver(int(user), json.loads(message["data"]))


def _warn(operation: str, exc: BaseException) -> None:
    # The type only: a Redis error message can quote the payload it carried.
    log.warning(
        "events.redis_unavailable",
        extra={"operation": operation, "error": type(exc).__name__},
    )
