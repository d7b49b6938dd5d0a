"""Seed one account with one long conversation, for measuring the web app.

Writes straight to the database named by NOTETAKER_DATABASE_URL (migrating it
first) and prints {"token", "conversation_id"} as JSON. Message texts are
generated; their lengths vary so that rows have different heights.

    NOTETAKER_DATABASE_URL=sqlite+aiosqlite:////tmp/x.db \\
        .venv/bin/python scripts/seed_conversation.py --messages 10000
"""

import argparse
import asyncio
import json
import uuid

from notetaker.core.config import get_settings
from notetaker.db import migrations
from notetaker.db.database import Database
from notetaker.events import InProcessHub
from notetaker.models import Message
from notetaker.schemas.user import UserCreate
from notetaker.services import conversations, users

_WORDS = "plan call draft buy review water send book fix read pay email".split()


def _content(index: int) -> str:
    words = [_WORDS[(index * 7 + i) % len(_WORDS)] for i in range(3 + index % 40)]
    text = " ".join(words)
    return text if index % 9 else f"{text}\n- first point\n- second point"


async def _seed(count: int) -> dict:
    settings = get_settings()
    database = Database(settings, InProcessHub())
    try:
        async with database.transaction() as session:
            data = UserCreate(
                email=f"perf-{uuid.uuid4().hex[:10]}@example.com",
                password="a long password",
            )
            user = await users.create_user(session, data=data)
            token, _ = await users.create_login(session, user=user, days=1)
            conversation = await conversations.create_conversation(
                session, user_id=user.id, title=f"{count} messages"
            )
            session.add_all(
                Message(
                    conversation_id=conversation.id,
                    user_id=user.id,
                    role="user" if i % 2 == 0 else "assistant",
                    content=_content(i),
                )
                for i in range(count)
            )
        return {"token": token, "conversation_id": conversation.id}
    finally:
        await database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    migrations.upgrade(get_settings())
    print(json.dumps(asyncio.run(_seed(args.messages))))


if __name__ == "__main__":
    main()
