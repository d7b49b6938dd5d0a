from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.models import Tag


async def resolve_tags(
    session: AsyncSession, *, user_id: int, names: list[str]
) -> list[Tag]:
    """The user's tags with these names, creating the missing ones."""
    wanted = sorted({name.strip().lower().lstrip("#") for name in names} - {""})
    if not wanted:
        return []
    query = select(Tag).where(Tag.user_id == user_id, Tag.name.in_(wanted))
    found = {tag.name: tag for tag in await session.scalars(query)}
    for name in wanted:
        if name not in found:
            found[name] = Tag(user_id=user_id, name=name)
            session.add(found[name])
    await session.flush()
    return [found[name] for name in wanted]
