from tests.factories import Account


async def test_create_conversation_default_title(account: Account):
    response = await account.post("/api/conversations", json={})

    assert response.status_code == 201
    assert response.json()["title"] == "New conversation"


async def test_rename_conversation(account: Account):
    conversation = (
        await account.post("/api/conversations", json={"title": "a"})
    ).json()

    response = await account.patch(
        f"/api/conversations/{conversation['id']}", json={"title": "  Planning  "}
    )

    assert response.status_code == 200
    assert response.json()["title"] == "Planning"


async def test_rename_conversation_empty_title_invalid(account: Account):
    conversation = (await account.post("/api/conversations", json={})).json()

    response = await account.patch(
        f"/api/conversations/{conversation['id']}", json={"title": "   "}
    )

    assert response.status_code == 422


async def test_delete_conversation_removes_messages_keeps_tasks(account: Account):
    conversation = (await account.post("/api/conversations", json={})).json()
    cid = conversation["id"]
    exchange = (
        await account.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to pay rent"},
        )
    ).json()
    task_id = exchange["tasks"][0]["id"]

    assert (await account.delete(f"/api/conversations/{cid}")).status_code == 204

    assert (await account.get(f"/api/conversations/{cid}")).status_code == 404
    assert (await account.get(f"/api/conversations/{cid}/messages")).status_code == 404
    task = (await account.get(f"/api/tasks/{task_id}")).json()
    assert task["title"] == "Pay rent"
    assert task["source_message_id"] is None


async def test_list_conversations_most_recent_first(account: Account):
    first = (await account.post("/api/conversations", json={"title": "first"})).json()
    await account.post("/api/conversations", json={"title": "second"})
    await account.post(
        f"/api/conversations/{first['id']}/message", json={"content": "hello"}
    )

    page = (await account.get("/api/conversations")).json()

    assert [c["title"] for c in page["items"]] == ["first", "second"]
    assert page["total"] == 2


async def test_list_messages_cursor_pagination(account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    for i in range(3):
        await account.post(
            f"/api/conversations/{cid}/message", json={"content": f"hi {i}"}
        )

    first = (
        await account.get(f"/api/conversations/{cid}/messages", params={"limit": 4})
    ).json()
    older = (
        await account.get(
            f"/api/conversations/{cid}/messages",
            params={"limit": 4, "before": first["next_cursor"]},
        )
    ).json()

    contents = [m["content"] for m in first["items"] + older["items"]]
    assert [m["role"] for m in first["items"]] == ["assistant", "user"] * 2
    assert contents[1::2] == ["hi 2", "hi 1", "hi 0"]
    assert older["next_cursor"] is None
    ids = [m["id"] for m in first["items"] + older["items"]]
    assert ids == sorted(ids, reverse=True)


async def test_send_message_too_long_invalid(app, account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    limit = app.state.settings.max_message_chars

    response = await account.post(
        f"/api/conversations/{cid}/message", json={"content": "a" * (limit + 1)}
    )

    assert response.status_code == 422
    messages = (await account.get(f"/api/conversations/{cid}/messages")).json()
    assert messages["items"] == []


async def test_send_message_engine_failure_keeps_message(app, account: Account):
    class BrokenEngine:
        name = "broken"

        def understand(self, message):
            raise RuntimeError("engine exploded")

    cid = (await account.post("/api/conversations", json={})).json()["id"]
    working, app.state.engine = app.state.engine, BrokenEngine()
    try:
        response = await account.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to pay rent"},
        )
    finally:
        app.state.engine = working

    assert response.status_code == 200
    exchange = response.json()
    assert exchange["assistant_message"]["status"] == "failed"
    assert "nothing was changed" in exchange["assistant_message"]["content"]
    assert exchange["thinking"][0]["kind"] == "error"
    messages = (await account.get(f"/api/conversations/{cid}/messages")).json()["items"]
    assert [m["content"] for m in messages][1] == "remind me to pay rent"
    assert (await account.get("/api/tasks")).json()["total"] == 0


async def test_send_message_store_failure_rolls_back_everything(app, account: Account):
    from notetaker.engines.base import Intent, Plan, TaskChange, TaskDraft

    class HalfValidEngine:
        """Creates a task, then changes a task that does not exist."""

        name = "half"

        def understand(self, message):
            return Plan(
                intent=Intent.TASK,
                reply="ok",
                tasks=[TaskDraft(title="Should vanish")],
                changes=[TaskChange(task_id=2**31 - 1, action="complete")],
            )

    cid = (await account.post("/api/conversations", json={})).json()["id"]
    working, app.state.engine = app.state.engine, HalfValidEngine()
    try:
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": "do things"}
        )
    finally:
        app.state.engine = working

    assert response.json()["assistant_message"]["status"] == "failed"
    assert (await account.get("/api/tasks")).json()["total"] == 0
    messages = (await account.get(f"/api/conversations/{cid}/messages")).json()["items"]
    assert [m["role"] for m in messages] == ["assistant", "user"]
