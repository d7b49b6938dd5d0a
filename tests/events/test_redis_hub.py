"""With Redis, live events reach a user's sockets on any process, and only theirs."""

import asyncio

import pytest
from redis.asyncio import Redis

from notetaker.events.redis_hub import RedisHub
from tests.events.redis_proxy import RedisRelay
from tests.redis_service import REDIS_URL

pytestmark = pytest.mark.redis


async def test_subscribe_listens_only_to_users_with_sockets(redis_prefix):
    hub = RedisHub.from_url(REDIS_URL, prefix=redis_prefix)
    observer = Redis.from_url(REDIS_URL)
    try:
        async with hub.subscribe(7):
            during = await observer.pubsub_channels(f"{redis_prefix}[0-9]*")
        after = await _channels_once_settled(observer, f"{redis_prefix}[0-9]*")
    finally:
        await hub.aclose()
        await observer.aclose()

    assert during == [f"{redis_prefix}7".encode()]
    assert after == []


async def test_subscribe_survives_lost_connection(redis_prefix):
    """A killed pub/sub connection is replaced, and events flow again."""
    hub = RedisHub.from_url(REDIS_URL, prefix=redis_prefix)
    admin = Redis.from_url(REDIS_URL)
    try:
        async with hub.subscribe(7) as queue:
            killed = await _kill_pubsub_connections(admin, f"{redis_prefix}hub")

            delivered = await _publish_until_delivered(hub, queue)
    finally:
        await hub.aclose()
        await admin.aclose()

    assert killed == 1
    assert delivered["type"] == "note.updated"


async def _kill_pubsub_connections(admin: Redis, name: str) -> int:
    clients = await admin.client_list(_type="pubsub")
    mine = [client["id"] for client in clients if client["name"] == name]
    for client_id in mine:
        await admin.client_kill_filter(_id=client_id)
    return len(mine)


async def _publish_until_delivered(hub: RedisHub, queue: asyncio.Queue) -> dict:
    """Pub/sub keeps nothing for a subscriber that is away: publish until one
    event arrives over the new connection."""
    for attempt in range(100):
        await hub.publish(7, {"type": "note.updated", "data": {"attempt": attempt}})
        try:
            return await asyncio.wait_for(queue.get(), 0.1)
        except TimeoutError:
            continue
    pytest.fail("no event arrived after the connection was killed")


async def _channels_once_settled(observer: Redis, pattern: str) -> list:
    for _ in range(50):
        channels = await observer.pubsub_channels(pattern)
        if not channels:
            return channels
        await asyncio.sleep(0.02)
    return channels


async def test_subscribe_survives_redis_restart(redis_prefix, caplog):
    relay = RedisRelay(REDIS_URL)
    await relay.start()
    hub = RedisHub.from_url(relay.url, prefix=redis_prefix)
    try:
        async with hub.subscribe(7) as queue:
            await relay.stop()
            await asyncio.sleep(0.5)
            await relay.start()

            delivered = await _publish_until_delivered(hub, queue)
    finally:
        await hub.aclose()
        await relay.stop()

    assert delivered["type"] == "note.updated"
    warnings = [r for r in caplog.records if r.msg == "events.redis_unavailable"]
    assert any(record.operation == "subscribe" for record in warnings)
