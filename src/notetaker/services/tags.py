from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.models import Note, Tag, Task


async def resolve_tags(
    session: AsyncSession, *, user_id: int, names: list[str]
) -> list[Tag]:
    """The user's tags with these names, creating the missing ones."""
    wanted = sorted({name.strip().lower().lstrip("#") for name in names} - {""})
    if not wanted:
        return []
    found = await _find_tags(session, user_id, wanted)
    missing = [name for name in wanted if name not in found]
    if missing:
        await _insert_tags(session, user_id, missing)
        found |= await _find_tags(session, user_id, missing)
    return [found[name] for name in wanted]


async def replace_tags(
    session: AsyncSession, *, owner: Note | Task, names: list[str]
) -> None:
    """Give a note or task exactly these tags.

    The owner's row is locked and its tags read again first: two requests
    retagging it at once would otherwise both insert the same link rows. (The
    flush keeps what the refresh would otherwise throw away.)
    """
    await session.flush()
    await session.refresh(owner, with_for_update=True)
    owner.tags = await resolve_tags(session, user_id=owner.user_id, names=names)


async def _find_tags(
    session: AsyncSession, user_id: int, names: list[str]
) -> dict[str, Tag]:
    query = select(Tag).where(Tag.user_id == user_id, Tag.name.in_(names))
    return {tag.name: tag for tag in await session.scalars(query)}


async def _insert_tags(session: AsyncSession, user_id: int, names: list[str]) -> None:
    """Insert these tags, skipping any another transaction created meanwhile.

    On PostgreSQL a name another open transaction has just inserted makes this one
    wait for it, then skip the name: requests tagging with the same new name never
    fail on the unique key. Names go in sorted, so two such waits cannot deadlock.
    """
    on_postgres = session.get_bind().dialect.name == "postgresql"
    dialect = postgresql if on_postgres else sqlite
    rows = [{"user_id": user_id, "name": name} for name in names]
    await session.execute(dialect.insert(Tag).values(rows).on_conflict_do_nothing())
