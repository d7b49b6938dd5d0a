"""Thinking steps go out live, one `thinking.step` event each, as the LLM chain
takes them; the reply stores exactly the steps that were streamed."""

import asyncio
import json
import logging

from fastapi import FastAPI
from prometheus_client import REGISTRY
from sqlalchemy import select

from notetaker.models import ThinkingStep
from notetaker.services import conversations
from tests.engine_doubles import fail_first_store
from tests.engines.llm.conftest import TEXT, send
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider
from tests.factories import Account


async def _exchange_with_events(app: FastAPI, account: Account, text: str = TEXT):
    async with app.state.events.subscribe(account.user["id"]) as queue:
        exchange = await send(account, text)
        events = [queue.get_nowait() for _ in range(queue.qsize())]
    return exchange, events


async def _stored_steps(app: FastAPI, reply_id: int) -> list[tuple[str, str]]:
    query = (
        select(ThinkingStep.kind, ThinkingStep.label)
        .where(ThinkingStep.message_id == reply_id)
        .order_by(ThinkingStep.position)
    )
    async with app.state.database.sessions() as session:
        return [tuple(row) for row in await session.execute(query)]


async def test_send_message_streams_fallback_steps_before_reply(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    # Ollama fails twice (no retry left), OpenAI answers.
    fake.reset(Behaviour(fault="status", status=503), Behaviour(fault="drop"))

    exchange, events = await _exchange_with_events(llm_app, account)

    steps = [e["data"] for e in events if e["type"] == "thinking.step"]
    user_message = exchange["user_message"]
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert {(s["message_id"], s["conversation_id"]) for s in steps} == {
        (user_message["id"], user_message["conversation_id"])
    }
    kinds = [s["kind"] for s in steps]
    assert kinds[:6] == ["route", "context", "cache", "retry", "fallback", "cache"]
    assert "engine" in kinds and "store" in kinds
    reply_created = next(
        i
        for i, e in enumerate(events)
        if e["type"] == "message.created" and e["data"]["role"] == "assistant"
    )
    last_step = max(i for i, e in enumerate(events) if e["type"] == "thinking.step")
    assert last_step < reply_created
    streamed = [(s["kind"], s["label"]) for s in steps]
    reply = exchange["assistant_message"]
    assert await _stored_steps(llm_app, reply["id"]) == streamed
    assert [(s["kind"], s["label"]) for s in exchange["thinking"]] == streamed


async def test_send_message_repair_attempt_is_a_step(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    fake.reset(Behaviour(content='{"reply": "no intent"}'))

    exchange, events = await _exchange_with_events(llm_app, account)

    kinds = [e["data"]["kind"] for e in events if e["type"] == "thinking.step"]
    assert kinds[:5] == ["route", "context", "cache", "repair", "engine"]
    assert exchange["assistant_message"]["provider"] == "ollama"


async def test_send_message_step_labels_and_logs_keep_message_out(
    llm_app: FastAPI, account: Account, fake: FakeProvider, caplog
):
    secret = "zebracorn"
    chat = GOOD_PLAN | {"intent": "chit_chat", "reply": "Noted.", "tasks": []}
    fake.reset(
        Behaviour(fault="status", status=500),
        Behaviour(fault="status", status=500),
        Behaviour(content='{"reply": "no intent"}'),
        default=Behaviour(content=json.dumps(chat)),
    )
    caplog.set_level(logging.DEBUG)

    _, events = await _exchange_with_events(llm_app, account, f"hello {secret}")

    labels = [e["data"]["label"] for e in events if e["type"] == "thinking.step"]
    assert len(labels) > 5
    assert not [label for label in labels if secret in label]
    assert secret not in caplog.text
    assert not [r for r in caplog.records if secret in str(r.__dict__)]


def _ai_samples(engine: str, model: str, outcome: str) -> float:
    labels = {"engine": engine, "model": model, "outcome": outcome}
    name = "notetaker_ai_request_duration_seconds_count"
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_send_message_ai_latency_labelled_by_answering_engine(
    account: Account, fake: FakeProvider
):
    chat = GOOD_PLAN | {"intent": "chit_chat", "reply": "Hi!", "tasks": []}
    fake.reset(
        Behaviour(fault="drop"),
        Behaviour(fault="drop"),
        default=Behaviour(content=json.dumps(chat)),
    )
    before = {
        "fallback": _ai_samples("openai", "gpt-4o-mini", "fallback"),
        "ok": _ai_samples("ollama", "llama3.2:3b", "ok"),
        "cache_hit": _ai_samples("ollama", "llama3.2:3b", "cache_hit"),
    }

    await send(account, "good morning")  # ollama fails: openai answers
    await send(account, "good evening")  # ollama answers
    await send(account, "good evening")  # the same prompt: from the cache

    assert _ai_samples("openai", "gpt-4o-mini", "fallback") == before["fallback"] + 1
    assert _ai_samples("ollama", "llama3.2:3b", "ok") == before["ok"] + 1
    assert _ai_samples("ollama", "llama3.2:3b", "cache_hit") == before["cache_hit"] + 1
    assert _ai_samples("ollama,openai,local", "none", "ok") == 0


async def test_send_message_failed_store_streams_no_store_step(
    llm_app: FastAPI, account: Account, fake: FakeProvider, monkeypatch
):
    fake.reset()
    fail_first_store(monkeypatch, "add_reply")

    exchange, events = await _exchange_with_events(llm_app, account)

    assert exchange["assistant_message"]["status"] == "failed"
    steps = [e["data"] for e in events if e["type"] == "thinking.step"]
    kinds = [s["kind"] for s in steps]
    # The plan's task was rolled back: no step may have announced it.
    assert "store" not in kinds and kinds[-1] == "error"
    assert [s["index"] for s in steps] == list(range(len(steps)))
    streamed = [(s["kind"], s["label"]) for s in steps]
    reply_id = exchange["assistant_message"]["id"]
    assert await _stored_steps(llm_app, reply_id) == streamed


async def test_send_message_provider_asked_while_message_is_stored(
    llm_app: FastAPI, account: Account, fake: FakeProvider, monkeypatch
):
    fake.reset()
    store = conversations.add_user_message
    asked_first: list[bool] = []

    async def store_once_asked(session, **fields):
        async with asyncio.timeout(3):
            while not fake.requests:  # noqa: ASYNC110 - the provider is a thread
                await asyncio.sleep(0.01)
        asked_first.append(True)
        return await store(session, **fields)

    monkeypatch.setattr(conversations, "add_user_message", store_once_asked)

    exchange, events = await _exchange_with_events(llm_app, account)

    assert asked_first == [True]
    user_message = exchange["user_message"]
    # The steps taken before the message had an id waited for it, in order.
    assert events[0]["type"] == "message.created"
    assert events[0]["data"]["id"] == user_message["id"]
    steps = [e["data"] for e in events if e["type"] == "thinking.step"]
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert {s["message_id"] for s in steps} == {user_message["id"]}
    assert steps[0]["kind"] == "route"


async def test_send_message_into_deleted_conversation_stops_the_engines(
    llm_app: FastAPI, account: Account, fake: FakeProvider, monkeypatch
):
    fake.reset(default=Behaviour(delay=5.0))
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    async def deleted_meanwhile(session, **fields):
        raise conversations.ConversationNotFound(cid)

    monkeypatch.setattr(conversations, "add_user_message", deleted_meanwhile)

    async with asyncio.timeout(2):  # not the provider's 5 s
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": TEXT}
        )

    assert response.status_code == 404


async def test_send_message_failed_store_answers_what_is_stored(
    llm_app: FastAPI, account: Account, fake: FakeProvider, monkeypatch
):
    fake.reset()
    fail_first_store(monkeypatch, "add_thinking_steps")

    exchange, _ = await _exchange_with_events(llm_app, account)

    assert exchange["assistant_message"]["status"] == "failed"
    cid = exchange["user_message"]["conversation_id"]
    page = (await account.get(f"/api/conversations/{cid}/messages")).json()
    (stored,) = [m for m in page["items"] if m["role"] == "user"]
    # No intent of the plan that was rolled back.
    assert exchange["user_message"]["intent"] == stored["intent"] is None
