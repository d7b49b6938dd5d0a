"""The app with an LLM chain (Ollama, then OpenAI, then built-in) against local
servers of both protocols: every message is stored and answered, whatever fails."""

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

from notetaker.api.deps import get_now
from notetaker.app import create_app
from notetaker.core.config import Settings
from notetaker.models import Message
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider
from tests.factories import Account, register

BOUND = 30
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
TEXT = "remind me to call the dentist next Friday at 3pm, it's urgent"


@pytest.fixture(scope="module")
async def llm_app(
    migrated_settings: Settings, server: FakeProvider
) -> AsyncIterator[FastAPI]:
    settings = migrated_settings.model_copy(
        update={
            "engines": ["ollama", "openai", "local"],
            "ollama_url": server.url,
            "openai_base_url": f"{server.url}/v1",
            "llm_request_timeout": 1.0,
            "llm_read_timeout": 1.0,
            "llm_connect_timeout": 1.0,
            "llm_retries": 1,
            "llm_backoff_base": 0.01,
            "llm_backoff_max": 0.05,
            # High, so that the fault tests below never open a circuit.
            "llm_breaker_failures": 1000,
        }
    )
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: NOW
    yield app
    await app.state.engine.aclose()
    await app.state.database.dispose()


@pytest.fixture
async def account(llm_app: FastAPI, fake: FakeProvider) -> AsyncIterator[Account]:
    transport = httpx.ASGITransport(app=llm_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield await register(client, timezone="Europe/Lisbon")


async def _send(account: Account, text: str = TEXT, cid: int | None = None) -> dict:
    if cid is None:
        cid = (await account.post("/api/conversations", json={})).json()["id"]
    async with asyncio.timeout(BOUND):
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": text}
        )
    assert response.status_code == 200, response.text
    return response.json()


async def test_send_message_answered_by_llm(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    exchange = await _send(account)

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
    assert kinds[:3] == ["route", "context", "engine"]


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

    exchange = await _send(account)

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

    exchange = await _send(account)

    assert exchange["assistant_message"]["provider"] == "openai"


async def test_send_message_streams_reply_deltas(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    fake.reset(Behaviour(chunk_size=4))

    async with llm_app.state.events.subscribe(account.user["id"]) as queue:
        exchange = await _send(account)
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
    first = await _send(account, "remind me to buy milk")
    cid = first["user_message"]["conversation_id"]

    await _send(account, "and eggs too", cid=cid)

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

    await _send(account, "hello there")
    exchange = await _send(account, "hello there")

    assert len(fake.requests) == 1
    assert "cache" in [step["kind"] for step in exchange["thinking"]]


async def test_get_health_ready_reports_providers(account: Account):
    response = await account.get("/api/health/ready")

    assert response.status_code == 200
    assert response.json()["providers"] == {"ollama": "up", "openai": "up"}
