"""Pages of notes and tasks for the list screens, read as plain rows.

Building an ORM object per row, and a tag collection per object, was most of what a
list request cost; a screen only shows the rows, so it gets mappings: the owner's
columns plus `tags`, the sorted tag names.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from notetaker.models import Note, Tag, Task
from notetaker.models.category import note_tags, task_tags

Row = dict[str, Any]

_TAG_LINKS = {Note: note_tags.c.note_id, Task: task_tags.c.task_id}


def rows(session: Session, owner: type[Note | Task], query: Select) -> list[Row]:
    """The rows `query` (a select of `owner`) finds, each with its tag names."""
    plain = query.with_only_columns(*owner.__table__.columns)
    return with_tags(
        session,
        owner,
        [dict(r) for r in session.connection().execute(plain).mappings()],
    )


def with_tags(
    session: Session, owner: type[Note | Task], found: list[Row]
) -> list[Row]:
    """`found` (rows of `owner` as dicts), each given its `tags`, in one query."""
    names = _tag_names(session, owner, [row["id"] for row in found])
    for row in found:
        row["tags"] = names.get(row["id"], [])
    return found


def page(
    session: Session,
    owner: type[Note | Task],
    query: Select,
    *,
    order_by: Sequence[ColumnElement],
    limit: int,
    offset: int,
) -> tuple[list[Row], int]:
    """One page of `query` and the size of the whole set."""
    items = rows(session, owner, query.order_by(*order_by).limit(limit).offset(offset))
    # A short page that is not past the end already tells the total.
    if len(items) < limit and (items or offset == 0):
        return items, offset + len(items)
    total = session.connection().scalar(
        select(func.count()).select_from(query.subquery())
    )
    return items, total or 0


def _tag_names(
    session: Session, owner: type[Note | Task], ids: list[int]
) -> dict[int, list[str]]:
    if not ids:
        return {}
    owner_id = _TAG_LINKS[owner]
    query = (
        select(owner_id, Tag.name)
        .join(Tag, Tag.id == owner_id.table.c.tag_id)
        .where(owner_id.in_(ids))
        .order_by(Tag.name)
    )
    names: defaultdict[int, list[str]] = defaultdict(list)
    for item_id, name in session.connection().execute(query):
        names[item_id].append(name)
    return names
