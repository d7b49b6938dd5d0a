import time

from sqlalchemy import event

from notetaker.engines.base import Intent, NoteDraft, Plan
from tests.engine_doubles import (
    HALF_VALID_PLAN,
    BrokenEngine,
    PlanEngine,
    engine_in_use,
)
from tests.factories import Account, register


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


async def test_list_messages_replies_carry_thinking_steps(account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    exchange = (
        await account.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to water the plants tomorrow"},
        )
    ).json()

    page = (await account.get(f"/api/conversations/{cid}/messages")).json()

    reply, question = page["items"]
    assert reply["id"] == exchange["assistant_message"]["id"]
    assert reply["thinking"] == exchange["thinking"]
    assert exchange["assistant_message"]["thinking"] == exchange["thinking"]
    assert [step["kind"] for step in reply["thinking"]][0] == "classify"
    assert question["thinking"] == []


async def test_list_messages_thinking_steps_in_one_query(app, account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    for i in range(4):
        await account.post(
            f"/api/conversations/{cid}/message", json={"content": f"note {i}: hi"}
        )
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    database = app.state.database
    engines = {database.write_engine.sync_engine}
    # On PostgreSQL reads use the write engine with other options, sharing its
    # pool and the listeners on it.
    if database.engine.sync_engine.pool is not database.write_engine.sync_engine.pool:
        engines.add(database.engine.sync_engine)
    for engine in engines:
        event.listen(engine, "before_cursor_execute", record)
    try:
        page = (await account.get(f"/api/conversations/{cid}/messages")).json()
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", record)

    assert all(m["thinking"] for m in page["items"] if m["role"] == "assistant")
    assert sum("FROM thinking_steps" in s for s in statements) == 1


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
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    with engine_in_use(app, BrokenEngine()):
        response = await account.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to pay rent"},
        )

    assert response.status_code == 200
    exchange = response.json()
    assert exchange["assistant_message"]["status"] == "failed"
    assert "nothing was changed" in exchange["assistant_message"]["content"]
    assert exchange["thinking"][0]["kind"] == "error"
    messages = (await account.get(f"/api/conversations/{cid}/messages")).json()["items"]
    assert [m["content"] for m in messages][1] == "remind me to pay rent"
    assert (await account.get("/api/tasks")).json()["total"] == 0


async def test_send_message_store_failure_rolls_back_everything(app, account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    with engine_in_use(app, PlanEngine(HALF_VALID_PLAN)):
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": "do things"}
        )

    assert response.json()["assistant_message"]["status"] == "failed"
    assert (await account.get("/api/tasks")).json()["total"] == 0
    messages = (await account.get(f"/api/conversations/{cid}/messages")).json()["items"]
    assert [m["role"] for m in messages] == ["assistant", "user"]


async def test_send_message_overlong_tag_dropped(account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    response = await account.post(
        f"/api/conversations/{cid}/message",
        json={"content": "note: code 1234 #" + "x" * 150 + " #Work"},
    )

    exchange = response.json()
    assert exchange["assistant_message"]["status"] != "failed", exchange
    [note] = (await account.get("/api/notes")).json()["items"]
    assert note["tags"] == ["work"]


async def test_send_message_engine_draft_held_to_api_limits(app, account: Account):
    draft = NoteDraft(
        title="  " + "T" * 496 + "  ",
        tags=["Work", "two words", "a,b", "#", "y" * 101, "#Home"],
        category="  " + "C" * 150,
    )
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    plan = Plan(intent=Intent.NOTE, reply="ok", notes=[draft])
    with engine_in_use(app, PlanEngine(plan)):
        for _ in range(2):
            response = await account.post(
                f"/api/conversations/{cid}/message", json={"content": "keep this"}
            )
            assert response.json()["assistant_message"]["status"] != "failed"

    notes = (await account.get("/api/notes")).json()["items"]
    assert [n["title"] for n in notes] == ["T" * 496] * 2
    assert [n["tags"] for n in notes] == [["home", "work"]] * 2
    [category] = (await account.get("/api/categories")).json()
    assert category["name"] == "C" * 100
    assert {n["category_id"] for n in notes} == {category["id"]}


async def test_send_message_due_date_out_of_range_stores_nothing(client):
    account = await register(client, timezone="America/New_York")
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    response = await account.post(
        f"/api/conversations/{cid}/message",
        json={"content": "remind me to pay rent on 12/31/9999"},
    )

    assert response.json()["assistant_message"]["status"] == "failed"
    assert (await account.get("/api/tasks")).json()["total"] == 0


HOSTILE_TITLE = "call [evil](javascript:alert(1)) <img src=x onerror=alert(1)>"
ESCAPED_TITLE = (
    r"call \[evil\]\(javascript:alert\(1\)\) "
    r"&lt;img src=x onerror=alert\(1\)&gt;"
)


async def _ask(account: Account, question: str) -> str:
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    response = await account.post(
        f"/api/conversations/{cid}/message", json={"content": question}
    )
    return response.json()["assistant_message"]["content"]


async def test_ask_open_tasks_title_markup_escaped(account: Account):
    task = (await account.post("/api/tasks", json={"title": HOSTILE_TITLE})).json()
    split = (await account.post("/api/tasks", json={"title": "a\n# b"})).json()

    reply = await _ask(account, "what are my open tasks?")

    assert f"- [{ESCAPED_TITLE}](/tasks/{task['id']}) (no due date)" in reply
    assert f"- [a # b](/tasks/{split['id']}) (no due date)" in reply
    assert "<img" not in reply
    assert "](javascript:" not in reply


async def test_ask_search_title_and_echo_escaped(account: Account):
    note = (await account.post("/api/notes", json={"title": HOSTILE_TITLE})).json()

    reply = await _ask(account, "find evil](javascript:alert(1)) <b>x</b>")

    assert f"- [{ESCAPED_TITLE}](/notes/{note['id']})" in reply
    assert "<img" not in reply and "<b>" not in reply
    assert "](javascript:" not in reply


async def test_send_message_tells_the_assistant_time(account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    started = time.perf_counter()
    response = await account.post(
        f"/api/conversations/{cid}/message", json={"content": "buy milk tomorrow"}
    )
    elapsed_ms = (time.perf_counter() - started) * 1000

    name, duration = response.headers["Server-Timing"].split(";dur=")
    assert name == "orchestrator"
    assert 0 < float(duration) <= elapsed_ms
