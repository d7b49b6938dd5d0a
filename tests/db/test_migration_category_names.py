"""Revision 0005: a user's category names are unique in any case; the
case-duplicates an older database holds are merged into the oldest of each."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from notetaker.core.config import Settings
from notetaker.db import migrations
from notetaker.models import Category, Note, Task, User
from tests.databases import BACKENDS, fresh_database

categories, notes, tasks = Category.__table__, Note.__table__, Task.__table__


@pytest.fixture(params=BACKENDS)
async def settings(request, tmp_path) -> AsyncIterator[Settings]:
    async with fresh_database(request.param, tmp_path) as url:
        yield Settings(database_url=url, _env_file=None)


async def _insert(connection, table, **values) -> int:
    query = insert(table).values(**values).returning(table.c.id)
    return (await connection.execute(query)).scalar_one()


async def _user(connection, email: str) -> int:
    return await _insert(connection, User.__table__, email=email, password_hash="x")


async def _category(connection, user_id: int, name: str, color=None) -> int:
    return await _insert(
        connection, categories, user_id=user_id, name=name, color=color
    )


async def test_upgrade_merges_case_duplicate_categories(settings: Settings):
    await asyncio.to_thread(migrations.upgrade, settings, "0004")
    engine = create_async_engine(settings.database_url)
    async with engine.begin() as connection:
        ana, bea = await _user(connection, "a@x.io"), await _user(connection, "b@x.io")
        work = await _category(connection, ana, "Work")
        lower = await _category(connection, ana, "work", "#00aa00")
        upper = await _category(connection, ana, "WORK", "#aa0000")
        home = await _category(connection, ana, "Home")
        theirs = await _category(connection, bea, "work")
        note = await _insert(connection, notes, user_id=ana, title="n", body="")
        await connection.execute(
            notes.update().where(notes.c.id == note).values(category_id=lower)
        )
        task = await _insert(connection, tasks, user_id=ana, title="t")
        await connection.execute(
            tasks.update().where(tasks.c.id == task).values(category_id=upper)
        )

    await asyncio.to_thread(migrations.upgrade, settings)

    async with engine.connect() as connection:
        kept = (
            await connection.execute(
                select(categories.c.id, categories.c.name, categories.c.color).order_by(
                    categories.c.id
                )
            )
        ).all()
        note_category = await connection.scalar(select(notes.c.category_id))
        task_category = await connection.scalar(select(tasks.c.category_id))
    await engine.dispose()
    # The oldest keeps its name and takes the first colour the others had.
    assert kept == [
        (work, "Work", "#00aa00"),
        (home, "Home", None),
        (theirs, "work", None),
    ]
    assert note_category == task_category == work


async def test_upgrade_refuses_case_duplicate_category(settings: Settings):
    await asyncio.to_thread(migrations.upgrade, settings)
    engine = create_async_engine(settings.database_url)
    async with engine.begin() as connection:
        user_id = await _user(connection, "c@x.io")
        await _category(connection, user_id, "Work")

    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await _category(connection, user_id, "wORK")
    await engine.dispose()
