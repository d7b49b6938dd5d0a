"""Revision 0006: the ids of tasks, notes, conversations and messages are never
given again once deleted (a chat's old link /tasks/N must not lead to a newer
task). SQLite would reuse the highest id; PostgreSQL's sequences never do."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from notetaker.core.config import Settings
from notetaker.db import migrations
from notetaker.models import Base, Conversation, Message, Note, Task, User, task_tags
from notetaker.models.category import Tag
from tests.databases import BACKENDS, fresh_database

USERS, TASKS, NOTES = User.__table__, Task.__table__, Note.__table__
CONVERSATIONS, MESSAGES = Conversation.__table__, Message.__table__


@pytest.fixture(params=BACKENDS)
async def settings(request, tmp_path) -> AsyncIterator[Settings]:
    async with fresh_database(request.param, tmp_path) as url:
        yield Settings(database_url=url, _env_file=None)


@pytest.fixture
async def sqlite_settings(tmp_path) -> AsyncIterator[Settings]:
    async with fresh_database("sqlite", tmp_path) as url:
        yield Settings(database_url=url, _env_file=None)


async def _insert(connection: AsyncConnection, table: Table, **values) -> int:
    query = insert(table).values(**values).returning(table.c.id)
    return (await connection.execute(query)).scalar_one()


async def _rows(connection: AsyncConnection) -> dict[str, list]:
    """Every row of every table, in a fixed order."""
    found = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        found[table.name] = (await connection.execute(query)).all()
    return found


class Owner:
    """One user's rows of each kind whose ids must not come back."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    async def start(self) -> "Owner":
        self.user = await _insert(
            self.connection, USERS, email="o@example.com", password_hash="x"
        )
        self.conversation = await self.add(CONVERSATIONS)
        return self

    async def add(self, table: Table) -> int:
        values = {"user_id": self.user}
        if table is TASKS or table is NOTES:
            values["title"] = "t"
        if table is NOTES:
            values["body"] = ""
        if table is MESSAGES:
            values.update(
                conversation_id=self.conversation, role="user", content="hello"
            )
        return await _insert(self.connection, table, **values)


async def _new_id_after_deleting_newest(
    connection: AsyncConnection, owner: Owner, table: Table
) -> tuple[int, int]:
    newest = await owner.add(table)
    await connection.execute(delete(table).where(table.c.id == newest))
    return newest, await owner.add(table)


@pytest.mark.parametrize(
    "table", [TASKS, NOTES, CONVERSATIONS, MESSAGES], ids=lambda table: table.name
)
async def test_create_after_delete_gets_new_id(settings: Settings, table: Table):
    await asyncio.to_thread(migrations.upgrade, settings)
    engine = create_async_engine(settings.database_url)
    async with engine.begin() as connection:
        owner = await Owner(connection).start()
        await owner.add(table)
        deleted, created = await _new_id_after_deleting_newest(connection, owner, table)
    await engine.dispose()

    assert created > deleted


async def _fill_old_schema(connection: AsyncConnection) -> Owner:
    owner = await Owner(connection).start()
    message = await owner.add(MESSAGES)
    task, later = await owner.add(TASKS), await owner.add(TASKS)
    note = await owner.add(NOTES)
    await connection.execute(
        TASKS.update()
        .where(TASKS.c.id == task)
        .values(next_occurrence_id=later, source_message_id=message)
    )
    await connection.execute(
        NOTES.update().where(NOTES.c.id == note).values(source_message_id=message)
    )
    tag = await _insert(connection, Tag.__table__, user_id=owner.user, name="x")
    await connection.execute(insert(task_tags).values(task_id=task, tag_id=tag))
    return owner


async def test_upgrade_old_sqlite_keeps_rows_and_stops_reusing_ids(
    sqlite_settings: Settings,
):
    settings = sqlite_settings
    await asyncio.to_thread(migrations.upgrade, settings, "0005")
    engine = create_async_engine(settings.database_url)
    async with engine.begin() as connection:
        await _fill_old_schema(connection)
        before = await _rows(connection)

    await asyncio.to_thread(migrations.upgrade, settings)

    async with engine.begin() as connection:
        assert await _rows(connection) == before
        broken = (await connection.execute(text("PRAGMA foreign_key_check"))).all()
        assert broken == []
        owner = Owner(connection)
        owner.user = before["users"][0].id
        owner.conversation = before["conversations"][0].id
        new_ids = {
            table.name: await _new_id_after_deleting_newest(connection, owner, table)
            for table in (TASKS, NOTES, CONVERSATIONS, MESSAGES)
        }
    async with engine.connect() as connection:
        with pytest.raises(IntegrityError):  # the table's checks came along
            await connection.execute(
                insert(TASKS).values(user_id=owner.user, title="t", priority=9)
            )
    await engine.dispose()
    assert all(created > deleted for deleted, created in new_ids.values()), new_ids
