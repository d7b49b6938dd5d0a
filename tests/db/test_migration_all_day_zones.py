"""Revision 0003 moves all-day tasks left in an old zone to their owner's zone."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import create_async_engine

from notetaker.core.config import Settings
from notetaker.db import migrations
from notetaker.models import Task, User
from tests.databases import BACKENDS, fresh_database

LISBON_MIDNIGHT = datetime(2027, 1, 15, 0, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
async def settings(request, tmp_path) -> AsyncIterator[Settings]:
    async with fresh_database(request.param, tmp_path) as url:
        yield Settings(database_url=url, _env_file=None)


async def _insert_moved_user_tasks(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        user_id = (
            await connection.execute(
                insert(User.__table__)
                .values(email="m@example.com", password_hash="x")
                .values(timezone="America/Los_Angeles")
                .returning(User.__table__.c.id)
            )
        ).scalar_one()
        for title, has_time in (("all day", False), ("timed", True)):
            await connection.execute(
                insert(Task.__table__).values(
                    user_id=user_id,
                    title=title,
                    due_at=LISBON_MIDNIGHT,
                    due_has_time=has_time,
                    timezone="Europe/Lisbon",
                )
            )
    await engine.dispose()


async def _tasks(url: str) -> dict[str, tuple[datetime, str]]:
    engine = create_async_engine(url)
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(Task.__table__.c.title, Task.due_at, Task.timezone)
        )
        found = {title: (due_at, zone) for title, due_at, zone in rows}
    await engine.dispose()
    return found


async def test_upgrade_moves_all_day_tasks_to_owner_zone(settings: Settings):
    await asyncio.to_thread(migrations.upgrade, settings, "0002")
    await _insert_moved_user_tasks(settings.database_url)

    await asyncio.to_thread(migrations.upgrade, settings)

    tasks = await _tasks(settings.database_url)
    assert tasks["all day"] == (
        datetime(2027, 1, 15, 8, 0, tzinfo=UTC),
        "America/Los_Angeles",
    )
    assert tasks["timed"] == (LISBON_MIDNIGHT, "Europe/Lisbon")
