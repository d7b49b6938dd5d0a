"""The prompt carries the conversation's summary and the user's own memories."""

import json
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from notetaker.api.deps import get_now
from notetaker.app import create_app
from notetaker.assistant.context import SUMMARY_BATCH
from notetaker.core.config import Settings
from notetaker.engines.llm.context import MEMORIES_HEADING, SUMMARY_HEADING
from notetaker.models import Conversation
from tests.engines.llm.conftest import APP_NOW, send
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider
from tests.factories import Account

WINDOW = 2
CHAT = GOOD_PLAN | {"intent": "chit_chat", "reply": "Sure.", "tasks": []}


@pytest.fixture(scope="module")
async def llm_app(
    migrated_settings: Settings, server: FakeProvider
) -> AsyncIterator[FastAPI]:
    """The LLM chain with a recent window of two messages."""
    update = {
        "engines": ["ollama", "local"],
        "ollama_url": server.url,
        "llm_history_messages": WINDOW,
        "llm_retries": 0,
    }
    app = create_app(migrated_settings.model_copy(update=update))
    app.dependency_overrides[get_now] = lambda: APP_NOW
    yield app
    await app.state.engine.aclose()
    await app.state.database.dispose()


@pytest.fixture
def chatty(fake: FakeProvider) -> FakeProvider:
    fake.reset(default=Behaviour(content=json.dumps(CHAT)))
    return fake


def _system(fake: FakeProvider) -> str:
    return fake.requests[-1].body["messages"][0]["content"]


async def test_send_message_recalls_own_notes_only(
    account: Account, other_account: Account, chatty: FakeProvider
):
    mine = {"title": "Wifi password for the office", "body": "on the fridge"}
    theirs = {"title": "Wifi password at home", "body": "taped under the router"}
    await account.post("/api/notes", json=mine | {"tags": ["wifi"]})
    await other_account.post("/api/notes", json=theirs | {"tags": ["wifi"]})
    await account.post("/api/notes", json={"title": "Groceries for Sunday"})

    await send(account, "where did I put the wifi password?")

    system = _system(chatty)
    assert MEMORIES_HEADING in system
    assert "Wifi password for the office: on the fridge" in system
    assert "at home" not in system and "router" not in system
    assert "Groceries" not in system


async def test_send_message_folds_dropped_turns_into_summary(
    llm_app: FastAPI, account: Account, chatty: FakeProvider
):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    texts = [f"first thought number {i}. More detail here." for i in range(5)]

    for text in texts:
        await send(account, text, cid=cid)

    # Before the fifth message, eight were stored: two in the window, six out.
    system = _system(chatty)
    assert SUMMARY_HEADING in system
    summary = system.split(SUMMARY_HEADING, 1)[1]
    assert "user: first thought number 0." in summary
    assert "More detail" not in summary
    assert "number 3" not in summary  # still in the recent window
    async with llm_app.state.database.sessions() as session:
        stored = await session.get(Conversation, cid)
    assert len(stored.summary.splitlines()) == SUMMARY_BATCH
    assert stored.summary_through is not None


async def test_send_message_summary_waits_for_a_batch(
    llm_app: FastAPI, account: Account, chatty: FakeProvider
):
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    for i in range(4):
        await send(account, f"thought {i}", cid=cid)

    assert SUMMARY_HEADING not in _system(chatty)
    async with llm_app.state.database.sessions() as session:
        stored = await session.get(Conversation, cid)
    assert (stored.summary, stored.summary_through) == ("", None)
