"""Attempt limits over a sliding window, shared by every worker process.

Attempts are counted per fixed window; the count that is checked is the current
window's plus the share of the previous window's that still lies within the last
`window` seconds (taking its attempts as evenly spread). Fixed windows alone would
let twice the limit through in a burst that straddles a window's end.

Counts live in Redis when it is configured and in the database otherwise, never only
in one process's memory. An attempt takes its place in the count before it is
checked, so a burst of parallel requests cannot all slip under the limit; an attempt
that turns out not to count (a successful sign-in) gives its place back.
"""

import hashlib
import logging
import math
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from notetaker.core.config import Settings
from notetaker.core.errors import TooManyRequests
from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.models import RateLimitCounter

log = logging.getLogger(__name__)

PURGE_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    max_hits: int
    window: int  # seconds


@dataclass(frozen=True, slots=True)
class Slot:
    """One limit applied to one caller in the current window."""

    key: str
    previous_key: str
    max_hits: int
    window: int
    elapsed: float  # seconds since the current window began
    # The count serves as the previous window's until the next window ends.
    expires_at: datetime

    @classmethod
    def of(cls, limit: Limit, caller: str, now: datetime) -> "Slot":
        seconds = now.timestamp()
        index = int(seconds // limit.window)
        # Hashed: the store then holds no e-mail addresses.
        who = hashlib.sha256(caller.encode()).hexdigest()
        return cls(
            key=f"{limit.name}:{who}:{index}",
            previous_key=f"{limit.name}:{who}:{index - 1}",
            max_hits=limit.max_hits,
            window=limit.window,
            elapsed=seconds - index * limit.window,
            expires_at=datetime.fromtimestamp((index + 2) * limit.window, UTC),
        )

    def hits(self, counts: "Counts") -> float:
        """The attempts of the last `window` seconds."""
        return counts.current + counts.previous * (1 - self.elapsed / self.window)

    def wait(self, counts: "Counts") -> float:
        """Seconds until one more attempt than `counts` would be within the limit,
        if none is made meanwhile."""
        room = self.max_hits - 1 - counts.current
        if room >= 0:
            # Only the previous window's share is in the way, and it fades out
            # before this window ends.
            fades_by = self.window * (1 - room / counts.previous)
            return max(0.0, fades_by - self.elapsed)
        # In the next window it is this window's count whose share fades.
        fades_by = self.window * (1 - (self.max_hits - 1) / counts.current)
        return self.window - self.elapsed + fades_by


@dataclass(frozen=True, slots=True)
class Counts:
    """A slot's attempts in its current window and in the one before."""

    current: int
    previous: int


class CounterStore(Protocol):
    async def add(self, slots: Sequence[Slot]) -> list[Counts]: ...
    async def remove(self, slots: Sequence[Slot]) -> None: ...
    async def purge(self, now: datetime) -> int: ...
    async def aclose(self) -> None: ...


class DatabaseCounters:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def add(self, slots: Sequence[Slot]) -> list[Counts]:
        # Rows are locked in key order, here and in `remove`: two requests that
        # took the same counters in different orders deadlocked on PostgreSQL.
        order = sorted(range(len(slots)), key=lambda i: slots[i].key)
        counts = [Counts(0, 0)] * len(slots)
        async with self._database.transaction() as session:
            on_postgres = session.bind.dialect.name == "postgresql"
            dialect = postgresql if on_postgres else sqlite
            for i in order:
                slot = slots[i]
                upsert = (
                    dialect.insert(RateLimitCounter)
                    .values(key=slot.key, hits=1, expires_at=slot.expires_at)
                    .on_conflict_do_update(
                        index_elements=[RateLimitCounter.key],
                        set_={"hits": RateLimitCounter.hits + 1},
                    )
                    .returning(RateLimitCounter.hits)
                )
                current = await session.scalar(upsert)
                previous = await session.scalar(
                    select(RateLimitCounter.hits).where(
                        RateLimitCounter.key == slot.previous_key
                    )
                )
                counts[i] = Counts(current, previous or 0)
        return counts

    async def remove(self, slots: Sequence[Slot]) -> None:
        async with self._database.transaction() as session:
            for key in sorted({slot.key for slot in slots}):
                await session.execute(
                    update(RateLimitCounter)
                    .where(RateLimitCounter.key == key)
                    .where(RateLimitCounter.hits > 0)
                    .values(hits=RateLimitCounter.hits - 1)
                )

    async def purge(self, now: datetime) -> int:
        """Drop up to PURGE_BATCH counters of windows that have ended."""
        expired = (
            select(RateLimitCounter.key)
            .where(RateLimitCounter.expires_at <= now)
            .limit(PURGE_BATCH)
        )
        async with self._database.transaction() as session:
            result = await session.execute(
                delete(RateLimitCounter).where(RateLimitCounter.key.in_(expired))
            )
        return result.rowcount

    async def aclose(self) -> None:
        return None


# Gives a place back only while its window's key still exists, so that a late
# release cannot leave a negative count without an expiry behind it.
_RELEASE = """
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
end
return 0
"""


class RedisCounters:
    """Counts in Redis, expiring with their window; while Redis cannot be reached,
    the database counts instead of letting every attempt through."""

    def __init__(self, client: Redis, *, prefix: str, fallback: CounterStore) -> None:
        self._client = client
        self._prefix = prefix
        self._fallback = fallback

    async def add(self, slots: Sequence[Slot]) -> list[Counts]:
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                for slot in slots:
                    key = self._prefix + slot.key
                    pipe.incr(key)
                    pipe.expireat(key, math.ceil(slot.expires_at.timestamp()) + 1)
                    pipe.get(self._prefix + slot.previous_key)
                replies = await pipe.execute()
        except (RedisError, OSError):
            log.warning("rate_limit.redis_unavailable", exc_info=True)
            return await self._fallback.add(slots)
        return [
            Counts(int(current), int(previous or 0))
            for current, previous in zip(replies[::3], replies[2::3], strict=True)
        ]

    async def remove(self, slots: Sequence[Slot]) -> None:
        keys = [self._prefix + slot.key for slot in slots]
        try:
            await self._client.eval(_RELEASE, len(keys), *keys)
        except (RedisError, OSError):
            log.warning("rate_limit.redis_unavailable", exc_info=True)
            await self._fallback.remove(slots)

    async def purge(self, now: datetime) -> int:
        # Redis expires its own keys; the database may hold some from an outage.
        return await self._fallback.purge(now)

    async def aclose(self) -> None:
        await self._client.aclose()


class RateLimiter:
    def __init__(
        self, store: CounterStore, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.store = store
        self._clock = clock

    async def reserve(self, *limits: tuple[Limit, str]) -> list[Slot]:
        """Count one attempt against each (limit, caller); TooManyRequests, with
        the seconds until every exceeded limit has room again, when any is over.
        A refused attempt gives its places back: hammering away at a limit does
        not push its end further out."""
        now = self._clock()
        slots = [Slot.of(limit, caller, now) for limit, caller in limits]
        counts = await self.store.add(slots)
        waits = [
            slot.wait(Counts(count.current - 1, count.previous))
            for slot, count in zip(slots, counts, strict=True)
            if slot.hits(count) > slot.max_hits
        ]
        if waits:
            await self.store.remove(slots)
            raise TooManyRequests(
                "Too many attempts; try again later.",
                retry_after=max(1, math.ceil(max(waits))),
            )
        return slots

    @asynccontextmanager
    async def attempt(
        self, *limits: tuple[Limit, str], counts_on: tuple[type[BaseException], ...]
    ) -> AsyncIterator[None]:
        """An attempt that keeps its place in the counts only when the block
        raises one of `counts_on` (a wrong password, an e-mail already taken)."""
        slots = await self.reserve(*limits)
        try:
            yield
        except counts_on:
            raise
        except BaseException:
            await self.store.remove(slots)
            raise
        await self.store.remove(slots)


def build_rate_limiter(settings: Settings, database: Database) -> RateLimiter:
    counters = DatabaseCounters(database)
    if settings.redis_url is None:
        return RateLimiter(counters)
    client = Redis.from_url(
        settings.redis_url, socket_connect_timeout=2, socket_timeout=2
    )
    prefix = f"{settings.redis_prefix}ratelimit:"
    return RateLimiter(RedisCounters(client, prefix=prefix, fallback=counters))
