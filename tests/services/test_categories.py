"""Category names are one per user in any case, even when requests race."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from notetaker.core.config import Settings
from notetaker.core.errors import Conflict
from notetaker.db.database import Database
from notetaker.events import InProcessHub
from notetaker.models import Category
from notetaker.schemas.category import CategoryCreate, CategoryUpdate
from notetaker.services import categories
from tests.factories import register


@pytest.fixture
async def database(migrated_settings: Settings) -> AsyncIterator[Database]:
    database = Database(migrated_settings, InProcessHub())
    yield database
    await database.dispose()


@pytest.fixture
async def user_id(client) -> int:
    return (await register(client)).user["id"]


@pytest.fixture
def miss_next_check(monkeypatch):
    """Arms the name check to miss once, as it does for the loser of a race whose
    winner commits between that check and the insert."""
    real = categories.find_category
    armed = []

    async def find_category(session, **kwargs):
        if armed:
            return armed.pop()
        return await real(session, **kwargs)

    monkeypatch.setattr(categories, "find_category", find_category)
    return lambda: armed.append(None)


async def _create(database: Database, user_id: int, name: str) -> Category:
    async with database.transaction() as session:
        data = CategoryCreate(name=name)
        return await categories.create_category(session, user_id=user_id, data=data)


async def _count(database: Database, user_id: int) -> int:
    async with database.transaction(write=False) as session:
        query = select(func.count()).where(Category.user_id == user_id)
        return await session.scalar(query)


async def test_create_category_race_other_case_conflicts(
    database: Database, user_id: int, miss_next_check
):
    await _create(database, user_id, "Work")
    miss_next_check()

    with pytest.raises(Conflict):
        await _create(database, user_id, "work")

    assert await _count(database, user_id) == 1


async def test_update_category_race_other_case_conflicts(
    database: Database, user_id: int, miss_next_check
):
    home = await _create(database, user_id, "Home")
    await _create(database, user_id, "Work")
    miss_next_check()

    with pytest.raises(Conflict):
        async with database.transaction() as session:
            category = await session.get_one(Category, home.id)
            data = CategoryUpdate(name="WORK")
            await categories.update_category(session, category=category, data=data)


async def test_find_or_create_category_race_other_case_uses_winner(
    database: Database, user_id: int, miss_next_check
):
    work = await _create(database, user_id, "Work")
    miss_next_check()

    async with database.transaction() as session:
        found = await categories.find_or_create_category(
            session, user_id=user_id, name="WORK"
        )

    assert found.id == work.id
    assert await _count(database, user_id) == 1


async def test_find_or_create_category_non_ascii_name_found(
    database: Database, user_id: int
):
    summer = await _create(database, user_id, "Été")

    async with database.transaction() as session:
        found = await categories.find_or_create_category(
            session, user_id=user_id, name="Été"
        )

    assert found.id == summer.id
