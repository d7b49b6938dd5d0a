"""The rate limiter's stores: the database (each backend) and a real Redis."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select

from notetaker.app import create_app
from notetaker.core.config import Settings
from notetaker.core.errors import TooManyRequests
from notetaker.db.database import Database
from notetaker.events import InProcessHub
from notetaker.models import RateLimitCounter
from notetaker.services.rate_limit import (
    Counts,
    DatabaseCounters,
    Limit,
    RateLimiter,
    RedisCounters,
    Slot,
)
from tests.redis_service import REDIS_URL

NOW = datetime(2026, 12, 4, 10, 7, 30, tzinfo=UTC)


@pytest.fixture
async def database(migrated_settings: Settings) -> AsyncIterator[Database]:
    database = Database(migrated_settings, InProcessHub())
    yield database
    await database.dispose()


def _limit(max_hits: int = 2) -> Limit:
    return Limit(f"test-{uuid.uuid4().hex[:8]}", max_hits, 900)


def _redis_limiter(prefix: str, database: Database) -> RateLimiter:
    client = Redis.from_url(REDIS_URL)
    store = RedisCounters(client, prefix=prefix, fallback=DatabaseCounters(database))
    # The real clock: Redis expires a key whose window has already ended.
    return RateLimiter(store)


def test_slot_window_and_hashed_caller():
    slot = Slot.of(Limit("sign-in-email", 10, 900), "ana@example.com", NOW)

    assert slot.elapsed == 450
    assert slot.expires_at == datetime(2026, 12, 4, 10, 30, tzinfo=UTC)
    assert "ana@example.com" not in slot.key
    assert slot.key.startswith("sign-in-email:")
    assert slot.previous_key == slot.key.replace(":1995976", ":1995975")


def test_hits_count_previous_window_share_still_within_window():
    slot = Slot.of(Limit("sign-in-email", 10, 900), "ana", NOW)  # half-way through

    assert slot.hits(Counts(current=3, previous=8)) == 7
    assert slot.wait(Counts(current=3, previous=8)) == 0
    # 9 + 4 > 10: room for one more once the previous share is down to 0
    assert slot.wait(Counts(current=9, previous=8)) == 450
    # a full window: room again once a tenth of it has faded, next window
    assert slot.wait(Counts(current=10, previous=0)) == 450 + 90


async def test_reserve_refuses_burst_straddling_window_end(database):
    clock = iter([NOW.replace(minute=14, second=59), NOW.replace(minute=15)])
    limiter = RateLimiter(DatabaseCounters(database), clock=lambda: next(clock))
    limit = _limit(max_hits=1)

    await limiter.reserve((limit, "a"))  # the last second of one window
    with pytest.raises(TooManyRequests):
        await limiter.reserve((limit, "a"))  # the first of the next


async def test_reserve_database_counts_until_limit(database):
    limiter = RateLimiter(DatabaseCounters(database), clock=lambda: NOW)
    limit = _limit()

    await limiter.reserve((limit, "a"))
    await limiter.reserve((limit, "a"))
    with pytest.raises(TooManyRequests) as refused:
        await limiter.reserve((limit, "a"))

    # 2 counted: room for a third once half of them have faded, next window
    assert refused.value.headers == {"Retry-After": str(450 + 450)}
    with pytest.raises(TooManyRequests) as again:
        await limiter.reserve((limit, "a"))
    assert again.value.headers == refused.value.headers  # refusals don't count
    await limiter.reserve((limit, "b"))


async def test_attempt_gives_place_back_unless_it_counts(database):
    limiter = RateLimiter(DatabaseCounters(database), clock=lambda: NOW)
    limit = _limit(max_hits=1)

    for _ in range(3):
        async with limiter.attempt((limit, "a"), counts_on=(KeyError,)):
            pass
    with pytest.raises(KeyError):
        async with limiter.attempt((limit, "a"), counts_on=(KeyError,)):
            raise KeyError("wrong password")

    with pytest.raises(TooManyRequests):
        await limiter.reserve((limit, "a"))


async def test_purge_database_drops_ended_windows(database):
    store = DatabaseCounters(database)
    limit = _limit()
    ended = Slot.of(limit, "a", NOW - timedelta(hours=1))
    current = Slot.of(limit, "a", NOW)
    await store.add([ended, current])

    await store.purge(NOW)

    async with database.transaction(write=False) as session:
        keys = set(await session.scalars(select(RateLimitCounter.key)))
    assert current.key in keys
    assert ended.key not in keys


@pytest.mark.redis
async def test_reserve_redis_shared_between_clients(redis_prefix, database):
    first = _redis_limiter(redis_prefix, database)
    second = _redis_limiter(redis_prefix, database)
    limit = _limit()

    await first.reserve((limit, "a"))
    await second.reserve((limit, "a"))
    with pytest.raises(TooManyRequests):
        await first.reserve((limit, "a"))
    await first.store.aclose()
    await second.store.aclose()


@pytest.mark.redis
async def test_reserve_redis_key_expires_with_window(redis_prefix, database):
    limiter = RateLimiter(
        RedisCounters(
            Redis.from_url(REDIS_URL),
            prefix=redis_prefix,
            fallback=DatabaseCounters(database),
        )
    )
    (slot,) = await limiter.reserve((_limit(), "a"))

    client = Redis.from_url(REDIS_URL)
    ttl = await client.ttl(redis_prefix + slot.key)
    await client.aclose()
    await limiter.store.aclose()
    assert 900 < ttl <= 1801  # until the next window ends


@pytest.mark.redis
async def test_release_redis_gives_place_back(redis_prefix, database):
    limiter = _redis_limiter(redis_prefix, database)
    limit = _limit(max_hits=1)

    for _ in range(3):
        async with limiter.attempt((limit, "a"), counts_on=(KeyError,)):
            pass

    await limiter.reserve((limit, "a"))
    with pytest.raises(TooManyRequests):
        await limiter.reserve((limit, "a"))
    await limiter.store.aclose()


async def test_reserve_falls_back_to_database_without_redis(database):
    unreachable = Redis.from_url("redis://127.0.0.1:9/0", socket_connect_timeout=1)
    store = RedisCounters(unreachable, prefix="x:", fallback=DatabaseCounters(database))
    limiter = RateLimiter(store, clock=lambda: NOW)
    limit = _limit(max_hits=1)

    await limiter.reserve((limit, "a"))
    with pytest.raises(TooManyRequests):
        await limiter.reserve((limit, "a"))
    await store.aclose()


@pytest.mark.redis
async def test_sign_in_limit_counts_in_redis_when_configured(
    redis_prefix, migrated_settings
):
    settings = migrated_settings.model_copy(
        update={
            "redis_url": REDIS_URL,
            "redis_prefix": redis_prefix,
            "auth_failures_per_email": 2,
        }
    )
    app = create_app(settings)
    email = f"redis-{uuid.uuid4().hex[:12]}@example.com"
    address = f"198.51.100.{uuid.uuid4().int % 250 + 1}"
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    body = {"email": email, "password": "wrong password"}
    began = await _start_of_fresh_window(900)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        statuses = [
            (await http.post("/api/auth/login", json=body)).status_code
            for _ in range(3)
        ]

    # The window the requests were counted in: the one they began in.
    slot = Slot.of(Limit("sign-in-email", 2, 900), email, began)
    client = Redis.from_url(REDIS_URL)
    counted = await client.get(f"{redis_prefix}ratelimit:{slot.key}")
    await client.aclose()
    async with app.state.database.transaction(write=False) as session:
        in_database = await session.scalar(
            select(func.count()).where(RateLimitCounter.key == slot.key)
        )
    await app.state.rate_limiter.store.aclose()
    await app.state.database.dispose()
    assert statuses == [401, 401, 429]
    assert counted == b"2"  # the refused third gave its place back
    assert in_database == 0


async def _start_of_fresh_window(window: int) -> datetime:
    """Now, unless a window ends within the next 5 s: then wait for it, so that
    a few requests all land in the same window."""
    now = datetime.now(UTC)
    left = window - now.timestamp() % window
    if left < 5:
        await asyncio.sleep(left)
    return datetime.now(UTC)
