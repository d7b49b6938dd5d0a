"""The app with an LLM chain (Ollama, then OpenAI, then built-in) against local
servers of both protocols: every message is stored and answered, whatever fails."""

import json

import pytest
from fastapi import FastAPI

from notetaker.models import Message
from tests.engines.llm.conftest import TEXT, send
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider
from tests.factories import Account


async def test_send_message_answered_by_llm(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    exchange = await send(account)

    reply = exchange["assistant_message"]
    assert (reply["provider"], reply["model"]) == ("ollama", "llama3.2:3b")
    assert reply["status"] == "ok"
    async with llm_app.state.database.sessions() as session:
        stored = await session.get(Message, reply["id"])
    assert stored.tokens == 140
    assert reply["content"] == GOOD_PLAN["reply"]
    (task,) = exchange["tasks"]
    # "2026-12-11 15:00" on a Lisbon wall clock, stored in UTC.
    assert task["due_at"].startswith("2026-12-11T15:00:00")
    kinds = [step["kind"] for step in exchange["thinking"]]
    assert kinds[:4] == ["route", "context", "cache", "engine"]


@pytest.mark.parametrize(
    "fault",
    [
        Behaviour(fault="status", status=500),
        Behaviour(fault="status", status=429),
        Behaviour(fault="malformed"),
        Behaviour(fault="truncated"),
        Behaviour(fault="drop"),
        Behaviour(delay=1.5),
        Behaviour(content='{"reply": "no intent"}'),
    ],
    ids=["500", "429", "malformed", "truncated", "drop", "slow", "invalid"],
)
async def test_send_message_every_provider_failing_still_answered(
    account: Account, fake: FakeProvider, fault: Behaviour
):
    fake.reset(default=fault)

    exchange = await send(account)

    reply = exchange["assistant_message"]
    assert reply["provider"] == "local" and reply["status"] == "ok"
    assert exchange["tasks"][0]["title"]
    fallbacks = [
        s["detail"]["engine"] for s in exchange["thinking"] if s["kind"] == "fallback"
    ]
    assert fallbacks == ["ollama", "openai"]
    cid = exchange["user_message"]["conversation_id"]
    stored = (await account.get(f"/api/conversations/{cid}/messages")).json()["items"]
    assert [m["content"] for m in stored][1] == TEXT


async def test_send_message_second_engine_answers(account: Account, fake: FakeProvider):
    fake.reset(Behaviour(fault="drop"), Behaviour(fault="drop"))

    exchange = await send(account)

    assert exchange["assistant_message"]["provider"] == "openai"


async def test_send_message_streams_reply_deltas(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    fake.reset(Behaviour(chunk_size=4))

    async with llm_app.state.events.subscribe(account.user["id"]) as queue:
        exchange = await send(account)
        events = [queue.get_nowait() for _ in range(queue.qsize())]

    deltas = [e["data"] for e in events if e["type"] == "reply.delta"]
    assert len(deltas) > 5
    assert {d["message_id"] for d in deltas} == {exchange["user_message"]["id"]}
    assert "".join(d["text"] for d in deltas) == GOOD_PLAN["reply"]
    created = [e for e in events if e["type"] == "message.created"]
    assert events.index(created[-1]) > events.index(
        next(e for e in events if e["type"] == "reply.delta")
    )


async def test_send_message_passes_recent_turns(account: Account, fake: FakeProvider):
    first = await send(account, "remind me to buy milk")
    cid = first["user_message"]["conversation_id"]

    await send(account, "and eggs too", cid=cid)

    sent = fake.requests[-1].body["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[1]["content"] == "remind me to buy milk"
    assert sent[2]["content"] == GOOD_PLAN["reply"]
    assert sum(m["role"] == "system" for m in sent) == 1


async def test_send_message_same_again_is_cache_hit(
    account: Account, fake: FakeProvider
):
    # Nothing stored, so the second prompt (which lists open tasks) is the same.
    chat = GOOD_PLAN | {"intent": "chit_chat", "reply": "Hello!", "tasks": []}
    fake.reset(default=Behaviour(content=json.dumps(chat)))

    await send(account, "hello there")
    exchange = await send(account, "hello there")

    assert len(fake.requests) == 1
    assert "cache" in [step["kind"] for step in exchange["thinking"]]


async def test_get_health_ready_reports_providers(account: Account):
    response = await account.get("/api/health/ready")

    assert response.status_code == 200
    assert response.json()["providers"] == {"ollama": "up", "openai": "up"}
