"""The conversation service's reads and writes for the orchestrator, on both
databases."""

import uuid
from collections.abc import AsyncIterator

import pytest

from notetaker.core.config import Settings
from notetaker.core.errors import NotFound
from notetaker.db.database import Database
from notetaker.events import InProcessHub
from notetaker.models import User
from notetaker.schemas.user import UserCreate
from notetaker.services import conversations, users


@pytest.fixture
async def db(migrated_settings: Settings) -> AsyncIterator[Database]:
    database = Database(migrated_settings, InProcessHub())
    yield database
    await database.dispose()


async def _user(db: Database) -> User:
    data = UserCreate(
        email=f"{uuid.uuid4().hex[:12]}@example.com", password="a long password"
    )
    user, _, _ = await users.sign_up(db, data=data, days=1)
    return user


async def _conversation(db: Database, user: User) -> int:
    async with db.transaction() as session:
        conversation = await conversations.create_conversation(
            session, user_id=user.id, title="t"
        )
        return conversation.id


async def test_read_recent_newest_first_with_summary(db: Database):
    user = await _user(db)
    cid = await _conversation(db, user)
    async with db.transaction() as session:
        for text in ("one", "two", "three"):
            await conversations.add_user_message(
                session, user_id=user.id, conversation_id=cid, content=text
            )
        await conversations.add_user_message(
            session,
            user_id=user.id,
            conversation_id=cid,
            content="four",
            summary=("user: zero", 42),
        )

    async with db.transaction(write=False) as session:
        recent = await conversations.read_recent(
            session, user_id=user.id, conversation_id=cid, limit=3
        )

    assert [m.content for m in recent.messages] == ["four", "three", "two"]
    assert (recent.summary, recent.summary_through) == ("user: zero", 42)


async def test_read_recent_empty_conversation(db: Database):
    user = await _user(db)
    cid = await _conversation(db, user)

    async with db.transaction(write=False) as session:
        recent = await conversations.read_recent(
            session, user_id=user.id, conversation_id=cid, limit=5
        )

    assert (recent.summary, recent.summary_through, recent.messages) == ("", None, [])


async def test_read_recent_other_users_conversation_not_found(db: Database):
    owner, other = await _user(db), await _user(db)
    cid = await _conversation(db, owner)

    async with db.transaction(write=False) as session:
        with pytest.raises(NotFound):
            await conversations.read_recent(
                session, user_id=other.id, conversation_id=cid, limit=0
            )


async def test_add_reply_stores_steps_in_order_and_sets_intent(db: Database):
    user = await _user(db)
    cid = await _conversation(db, user)
    async with db.transaction() as session:
        asked = await conversations.add_user_message(
            session, user_id=user.id, conversation_id=cid, content="hello"
        )
    steps = [{"kind": k, "label": f"step {k}"} for k in ("route", "cache", "engine")]

    async with db.transaction() as session:
        reply = await conversations.add_reply(
            session, to=asked, content="hi", thinking=steps, intent="chit_chat"
        )

    async with db.transaction(write=False) as session:
        stored = await conversations.list_thinking_steps(
            session, message_ids=[reply.id]
        )
        page, _ = await conversations.list_messages(
            session, conversation_id=cid, before=None, limit=5
        )
    assert [(s.position, s.kind) for s in stored[reply.id]] == [
        (0, "route"),
        (1, "cache"),
        (2, "engine"),
    ]
    assert [m.intent for m in page] == ["chit_chat", "chit_chat"]


async def test_add_user_message_to_another_users_conversation_not_found(db: Database):
    owner, intruder = await _user(db), await _user(db)
    cid = await _conversation(db, owner)

    with pytest.raises(NotFound):
        async with db.transaction() as session:
            await conversations.add_user_message(
                session, user_id=intruder.id, conversation_id=cid, content="hi"
            )

    async with db.transaction(write=False) as session:
        recent = await conversations.read_recent(
            session, user_id=owner.id, conversation_id=cid, limit=5
        )
    assert recent.messages == []
