"""Changes are announced to the owner's subscribers only, and only once committed."""

import asyncio

from tests.factories import register


def _drain(queue: asyncio.Queue) -> list[dict]:
    events = []
    while not queue.empty():
        events.append(queue.get_nowait())
    return events


async def test_publish_task_changes_to_owner_only(app, client):
    owner, stranger = await register(client), await register(client)
    hub = app.state.events

    async with (
        hub.subscribe(owner.user["id"]) as mine,
        hub.subscribe(stranger.user["id"]) as theirs,
    ):
        task = (await owner.post("/api/tasks", json={"title": "Water plants"})).json()
        await owner.patch(f"/api/tasks/{task['id']}", json={"status": "done"})
        await owner.delete(f"/api/tasks/{task['id']}")
        await owner.post("/api/tasks", json={"title": "x", "priority": 9})

        events = _drain(mine)
        assert [e["type"] for e in events] == [
            "task.created",
            "task.updated",
            "task.deleted",
        ]
        assert events[0]["data"]["title"] == "Water plants"
        assert events[1]["data"]["status"] == "done"
        assert events[2]["data"] == {"id": task["id"]}
        assert _drain(theirs) == []


async def test_publish_chat_messages_and_created_items(app, client):
    owner = await register(client)
    cid = (await owner.post("/api/conversations", json={})).json()["id"]

    async with app.state.events.subscribe(owner.user["id"]) as mine:
        await owner.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to pay rent"},
        )
        types = [event["type"] for event in _drain(mine)]

    assert types[0] == "message.created"
    assert "task.created" in types
    assert types[-1] == "message.created"
