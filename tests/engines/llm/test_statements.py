"""What one chat message costs the database with an LLM engine answering: the
statements before and after the provider's call are few and fixed."""

import json

from fastapi import FastAPI
from sqlalchemy import event

from tests.engines.llm.conftest import send
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider
from tests.factories import Account


async def test_send_message_statement_count(
    llm_app: FastAPI, account: Account, fake: FakeProvider
):
    chat = GOOD_PLAN | {"intent": "chit_chat", "reply": "Hi!", "tasks": []}
    fake.reset(default=Behaviour(content=json.dumps(chat)))
    database = llm_app.state.database
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    await send(account, "good morning", cid=cid)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.split(None, 1)[0].upper())

    engines = {database.engine.sync_engine, database.write_engine.sync_engine}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", seen)
    try:
        await send(account, "good evening, what a day", cid=cid)
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", seen)

    # SQLite: BEGIN; the conversation with its recent messages, open tasks,
    # memories; then BEGIN, UPDATE the conversation, INSERT the message (the write
    # lock is held for these two only); after the provider: BEGIN, SELECT the
    # conversation's row (a shared lock that holds off its deletion), INSERT the
    # reply, UPDATE the message's intent, INSERT every thinking step. PostgreSQL
    # sends no BEGIN of its own.
    assert len(statements) <= 12, statements
    assert statements.count("INSERT") == 3
