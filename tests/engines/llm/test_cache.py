import subprocess
import sys

import pytest
from redis.asyncio import Redis

from notetaker.cache import MemoryCache, TieredCache, build_cache, digest
from notetaker.cache.redis import RedisCache
from notetaker.core.config import Settings
from tests.redis_service import REDIS_URL


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_digest_is_stable_across_processes():
    code = "from notetaker.cache import digest; print(digest('ollama', 'm', 'p'))"
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    # The same value in another interpreter (hash() would differ) and on every run.
    expected = "7a4eafe9183b92b2e80fd3a996827bc32842a97cd3f0874b8dcb691f2746bf98"
    assert other.stdout.strip() == digest("ollama", "m", "p") == expected


def test_digest_separates_parts():
    assert digest("ab", "c") != digest("a", "bc")


async def test_get_memory_cache_expires_after_ttl():
    clock = Clock()
    cache = MemoryCache(max_entries=10, ttl=5, clock=clock)
    await cache.set("k", "v")

    clock.now = 4.9
    assert await cache.get("k") == "v"
    clock.now = 5.0
    assert await cache.get("k") is None
    assert len(cache) == 0


async def test_set_memory_cache_evicts_least_recently_used():
    cache = MemoryCache(max_entries=2, ttl=60)
    await cache.set("a", "1")
    await cache.set("b", "2")
    await cache.get("a")

    await cache.set("c", "3")

    assert await cache.get("b") is None
    assert await cache.get("a") == "1" and await cache.get("c") == "3"


@pytest.mark.redis
async def test_get_redis_cache_shared_between_instances(redis_prefix):
    writer = RedisCache.from_url(REDIS_URL, prefix=redis_prefix, ttl=60)
    reader = RedisCache.from_url(REDIS_URL, prefix=redis_prefix, ttl=60)

    await writer.set("key", "value ✓")

    assert await reader.get("key") == "value ✓"
    assert await reader.get("other") is None
    await writer.aclose()
    await reader.aclose()


@pytest.mark.redis
async def test_set_redis_cache_with_ttl(redis_prefix):
    cache = RedisCache.from_url(REDIS_URL, prefix=redis_prefix, ttl=30)
    client = Redis.from_url(REDIS_URL)

    await cache.set("key", "v")

    ttl_ms = await client.pttl(f"{redis_prefix}key")
    assert 29_000 < ttl_ms <= 30_000
    await cache.aclose()
    await client.aclose()


@pytest.mark.redis
async def test_get_tiered_cache_fills_near_from_far(redis_prefix):
    far = RedisCache.from_url(REDIS_URL, prefix=redis_prefix, ttl=60)
    await far.set("key", "v")
    near = MemoryCache(max_entries=10, ttl=60)
    cache = TieredCache(near, far)

    assert await cache.get("key") == "v"
    assert await near.get("key") == "v"
    await cache.aclose()


async def test_get_redis_cache_unreachable_misses():
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    cache = RedisCache.from_url("redis://127.0.0.1:9/0", prefix="x:", ttl=60)

    await cache.set("key", "v")

    assert await cache.get("key") is None
    await cache.aclose()


async def test_build_cache_memory_only_without_redis_url():
    cache = build_cache(Settings(_env_file=None), namespace="x")

    assert isinstance(cache, MemoryCache)


@pytest.mark.redis
async def test_build_cache_with_redis_url_shares_entries(redis_prefix):
    settings = Settings(
        _env_file=None, redis_url=REDIS_URL, redis_prefix=redis_prefix, ai_cache_ttl=60
    )
    one = build_cache(settings, namespace="ai")
    other = build_cache(settings, namespace="ai")

    await one.set("key", "from the first process")

    assert isinstance(other, TieredCache)
    assert await other.get("key") == "from the first process"
    await one.aclose()
    await other.aclose()
