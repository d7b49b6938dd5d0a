"""What every hub shared by worker processes must do, with Redis and without."""

from typing import Any

import pytest

from notetaker.events.database_hub import DatabaseHub
from notetaker.events.redis_hub import RedisHub
from tests.events.conftest import client_of, next_event
from tests.factories import register
from tests.redis_service import REDIS_URL


@pytest.fixture(params=[DatabaseHub, RedisHub], ids=["database", "redis"])
def hub_settings(request: pytest.FixtureRequest) -> tuple[type, dict[str, Any]]:
    """The hub class expected and the settings that select it."""
    if request.param is DatabaseHub:
        return DatabaseHub, {"workers": 2}
    prefix = request.getfixturevalue("redis_prefix")
    return RedisHub, {"redis_url": REDIS_URL, "events_redis_prefix": prefix}


async def test_publish_change_through_other_process_reaches_owner_in_order(
    two_processes, hub_settings
):
    hub_class, settings = hub_settings
    async with two_processes(**settings) as (a, b), client_of(b) as client:
        assert isinstance(a.state.events, hub_class)
        owner = await register(client)

        async with a.state.events.subscribe(owner.user["id"]) as queue:
            created = await owner.post("/api/tasks", json={"title": "Water plants"})
            task_id = created.json()["id"]
            await owner.patch(f"/api/tasks/{task_id}", json={"status": "done"})
            await owner.delete(f"/api/tasks/{task_id}")

            events = [await next_event(queue) for _ in range(3)]

    assert [event["type"] for event in events] == [
        "task.created",
        "task.updated",
        "task.deleted",
    ]
    assert events[0]["data"]["title"] == "Water plants"
    assert events[2]["data"] == {"id": task_id}


async def test_publish_change_skips_other_users(two_processes, hub_settings):
    _, settings = hub_settings
    async with two_processes(**settings) as (a, b), client_of(b) as client:
        owner, stranger = await register(client), await register(client)
        hub = a.state.events

        async with (
            hub.subscribe(stranger.user["id"]) as theirs,
            hub.subscribe(owner.user["id"]) as mine,
        ):
            await owner.post("/api/notes", json={"title": "Mine", "body": "secret"})
            await stranger.post("/api/tasks", json={"title": "Theirs"})

            assert (await next_event(mine))["type"] == "note.created"
            assert (await next_event(theirs))["type"] == "task.created"
            assert mine.empty() and theirs.empty()
