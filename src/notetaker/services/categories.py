from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.errors import Conflict, NotFound
from notetaker.models import Category
from notetaker.models.category import UNIQUE_CATEGORY_NAME
from notetaker.schemas.category import CategoryCreate, CategoryUpdate

_NAME_TAKEN = "A category with this name already exists."


async def list_categories(session: AsyncSession, *, user_id: int) -> list[Category]:
    query = select(Category).where(Category.user_id == user_id).order_by(Category.name)
    return list(await session.scalars(query))


async def get_category(
    session: AsyncSession, *, user_id: int, category_id: int
) -> Category:
    category = await session.get(Category, category_id)
    if category is None or category.user_id != user_id:
        raise NotFound("Category not found.", details={"category_id": category_id})
    return category


async def find_category(
    session: AsyncSession, *, user_id: int, name: str
) -> Category | None:
    # Both sides folded by the database, as its unique index folds them.
    query = select(Category).where(
        Category.user_id == user_id, func.lower(Category.name) == func.lower(name)
    )
    return await session.scalar(query)


@asynccontextmanager
async def _name_checked_again(session: AsyncSession) -> AsyncIterator[None]:
    """The block's changes, flushed in a savepoint: a name that a concurrent
    request took after our check is the same Conflict as one taken before."""
    try:
        async with session.begin_nested():
            yield
    except IntegrityError as exc:
        if UNIQUE_CATEGORY_NAME not in str(exc.orig):
            raise
        raise Conflict(_NAME_TAKEN) from exc


async def create_category(
    session: AsyncSession, *, user_id: int, data: CategoryCreate
) -> Category:
    if await find_category(session, user_id=user_id, name=data.name):
        raise Conflict(_NAME_TAKEN)
    category = Category(user_id=user_id, **data.model_dump())
    async with _name_checked_again(session):
        session.add(category)
    return category


async def find_or_create_category(
    session: AsyncSession, *, user_id: int, name: str
) -> Category:
    """The user's category of this name (in any case), created if missing.

    Created with INSERT ... ON CONFLICT DO NOTHING: a request that creates the
    same category at the same moment makes this one wait for it and then use its
    row, instead of failing on the unique key.
    """
    found = await find_category(session, user_id=user_id, name=name)
    if found is not None:
        return found
    on_postgres = session.get_bind().dialect.name == "postgresql"
    dialect = postgresql if on_postgres else sqlite
    insert = dialect.insert(Category).values(user_id=user_id, name=name)
    await session.execute(insert.on_conflict_do_nothing())
    created = await find_category(session, user_id=user_id, name=name)
    assert created is not None  # inserted here, or committed by whoever won
    return created


async def update_category(
    session: AsyncSession, *, category: Category, data: CategoryUpdate
) -> Category:
    changes = data.changes()
    name = changes.get("name")
    if name is not None:
        taken = await find_category(session, user_id=category.user_id, name=name)
        if taken is not None and taken.id != category.id:
            raise Conflict(_NAME_TAKEN)
    async with _name_checked_again(session):
        for field, value in changes.items():
            setattr(category, field, value)
    return category


async def delete_category(session: AsyncSession, *, category: Category) -> None:
    await session.delete(category)
    await session.flush()
