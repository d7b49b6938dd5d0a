"""Every Redis key and channel of the app lies under NOTETAKER_REDIS_PREFIX."""

import pytest
from redis.asyncio import Redis

from notetaker.cache import build_cache
from notetaker.core.config import Settings
from tests.redis_service import REDIS_URL


def test_settings_events_prefix_follows_redis_prefix(monkeypatch):
    monkeypatch.setenv("NOTETAKER_REDIS_PREFIX", "acme:")

    assert Settings(_env_file=None).events_redis_prefix == "acme:events:"


def test_settings_events_prefix_set_on_its_own_still_wins(monkeypatch):
    monkeypatch.setenv("NOTETAKER_REDIS_PREFIX", "acme:")
    monkeypatch.setenv("NOTETAKER_EVENTS_REDIS_PREFIX", "old:events:")

    assert Settings(_env_file=None).events_redis_prefix == "old:events:"


def test_settings_redis_keys_unchanged_by_default():
    settings = Settings(_env_file=None)

    assert settings.redis_prefix == "notetaker:"
    assert settings.events_redis_prefix == "notetaker:events:"


@pytest.mark.redis
async def test_build_cache_keys_under_redis_prefix(redis_prefix):
    settings = Settings(_env_file=None, redis_url=REDIS_URL, redis_prefix=redis_prefix)
    cache = build_cache(settings, namespace="ai")

    await cache.set("answer", "42")

    client = Redis.from_url(REDIS_URL)
    stored = await client.get(f"{redis_prefix}ai:answer")
    await client.aclose()
    await cache.aclose()
    assert stored == b"42"
