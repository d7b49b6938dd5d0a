"""The machine's Redis, for the tests that need a real one.

Where it cannot be reached those tests are skipped, saying why; in CI they fail
instead, since CI always has it."""

import os
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

REDIS_URL = os.environ.get("NOTETAKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def own_key_prefix() -> AsyncIterator[str]:
    """A key (and channel) prefix of the test's own; its keys are deleted afterwards."""
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI but unavailable: {exc}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    prefix = f"notetaker-test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()
