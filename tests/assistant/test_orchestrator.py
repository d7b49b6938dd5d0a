"""Every thinking step is published as it is taken and stored, the same list in
the same order, with the reply; also when the message fails."""

from fastapi import FastAPI

from tests.engine_doubles import (
    HALF_VALID_PLAN,
    BrokenEngine,
    PlanEngine,
    engine_in_use,
    fail_first_store,
)
from tests.factories import Account


async def _send(app: FastAPI, account: Account, text: str):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    async with app.state.events.subscribe(account.user["id"]) as queue:
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": text}
        )
        events = [queue.get_nowait() for _ in range(queue.qsize())]
    assert response.status_code == 200, response.text
    exchange = response.json()
    page = await account.get(f"/api/conversations/{cid}/messages")
    (stored,) = [m for m in page.json()["items"] if m["role"] == "assistant"]
    return exchange, events, stored


def _streamed(events: list[dict]) -> list[dict]:
    return [e["data"] for e in events if e["type"] == "thinking.step"]


def _pairs(steps: list[dict]) -> list[tuple[str, str]]:
    return [(step["kind"], step["label"]) for step in steps]


async def test_send_message_streams_steps_then_stores_them(
    app: FastAPI, account: Account
):
    exchange, events, stored = await _send(
        app, account, "remind me to call the dentist tomorrow at 3pm"
    )

    steps = _streamed(events)
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert {s["message_id"] for s in steps} == {exchange["user_message"]["id"]}
    assert "store" in [s["kind"] for s in steps]
    assert _pairs(stored["thinking"]) == _pairs(steps)
    assert _pairs(exchange["thinking"]) == _pairs(steps)
    types = [e["type"] for e in events]
    assert types.index("message.created") < types.index("thinking.step")
    assert types[-1] == "message.created"  # the reply comes after every step


async def test_send_message_answer_search_is_a_step(app: FastAPI, account: Account):
    await account.post("/api/notes", json={"title": "Marketing plan decisions"})

    _, events, stored = await _send(app, account, "what's due this week?")

    steps = _streamed(events)
    assert steps[-1]["kind"] == "answer"
    assert _pairs(stored["thinking"]) == _pairs(steps)


async def test_send_message_engine_failure_streams_error_step(
    app: FastAPI, account: Account
):
    with engine_in_use(app, BrokenEngine()):
        exchange, events, stored = await _send(app, account, "remind me to pay rent")

    steps = _streamed(events)
    assert [s["kind"] for s in steps] == ["error"]
    assert _pairs(stored["thinking"]) == _pairs(steps)
    assert exchange["assistant_message"]["status"] == "failed"


async def test_send_message_store_failure_streams_no_store_step(
    app: FastAPI, account: Account
):
    with engine_in_use(app, PlanEngine(HALF_VALID_PLAN)):
        _, events, stored = await _send(app, account, "do things")

    steps = _streamed(events)
    # Stored items are announced once the whole plan applied, never half of it.
    assert [s["kind"] for s in steps] == ["error"]
    assert "nothing was stored" in steps[-1]["label"]
    assert _pairs(stored["thinking"]) == _pairs(steps)


async def test_store_failure_announces_no_rolled_back_item(
    app: FastAPI, account: Account
):
    with engine_in_use(app, PlanEngine(HALF_VALID_PLAN)):
        _, events, _ = await _send(app, account, "do things")

    # The plan created a task before failing; its rollback takes the event too.
    assert "task.created" not in [e["type"] for e in events]
    assert [e["type"] for e in events].count("message.created") == 2


async def test_built_in_engine_message_takes_one_write(
    app: FastAPI, account: Account, monkeypatch
):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    database = app.state.database
    writes = []
    transaction = database.transaction

    def counted(*, write: bool = True):
        writes.append(write)
        return transaction(write=write)

    monkeypatch.setattr(database, "transaction", counted)
    response = await account.post(
        f"/api/conversations/{cid}/message",
        json={"content": "remind me to call the dentist tomorrow at 3pm"},
    )

    assert response.json()["tasks"][0]["title"].lower().startswith("call the dentist")
    # Message, task and reply together: on SQLite every write waits its turn.
    assert writes.count(True) == 1


async def test_store_failure_after_reply_marked_message_keeps_it(
    app: FastAPI, account: Account, monkeypatch
):
    # The reply sets the user's message's intent, then storing its steps fails:
    # the rollback must leave the message, with a failure reply, not a 500.
    fail_first_store(monkeypatch, "add_thinking_steps")
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    response = await account.post(
        f"/api/conversations/{cid}/message",
        json={"content": "remind me to call the dentist tomorrow at 3pm"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["assistant_message"]["status"] == "failed"
    page = (await account.get(f"/api/conversations/{cid}/messages")).json()
    assert [m["role"] for m in page["items"]] == ["assistant", "user"]
    assert page["items"][1]["intent"] == response.json()["user_message"]["intent"]
    assert (await account.get("/api/tasks")).json()["items"] == []


async def test_send_message_answer_step_counts_in_words(app: FastAPI, account: Account):
    await account.post("/api/tasks", json={"title": "Write the quarterly report"})

    _, events, _ = await _send(app, account, "what tasks do I have?")

    assert _streamed(events)[-1]["label"] == "Found 1 item"
