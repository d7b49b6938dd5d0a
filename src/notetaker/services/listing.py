"""Pages of notes and tasks for the list screens, read as plain rows.

Building an ORM object per row, and a tag collection per object, was most of what a
list request cost; a screen only shows the rows, so it gets mappings: the owner's
columns plus `tags`, the sorted tag names.

Building a statement cost SQLAlchemy four times what executing a built one does, so
each listing builds its statements once per combination of filters in use (its
shape) and binds the filters' values as parameters.
"""

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from notetaker.models import Note, Tag, Task
from notetaker.models.category import note_tags, task_tags
from notetaker.services.filters import matches_pattern, substring_pattern

Row = dict[str, Any]
Parameters = dict[str, Any]
# A filter's condition, on bound parameters that its filter's values fill.
Condition = Callable[[], ColumnElement[bool]]


class Listing:
    """How rows of `owner` are listed for a user: the filters a screen can apply
    and the order of the rows."""

    def __init__(
        self,
        owner: type[Note | Task],
        *,
        conditions: Mapping[str, Condition],
        order_by: Sequence[ColumnElement],
    ) -> None:
        self.owner = owner
        self._conditions = conditions
        self._order_by = order_by
        self._statements: dict[frozenset[str], tuple[Select, Select]] = {}

    def page(
        self,
        session: Session,
        *,
        user_id: int,
        filters: Parameters,
        limit: int,
        offset: int,
    ) -> tuple[list[Row], int]:
        """One page of the user's rows that pass `filters`, and the size of the
        whole set. `filters` holds the bound parameters of the conditions in use:
        each condition's own, named after it, and any others it binds."""
        in_use = frozenset(filters.keys() & self._conditions.keys())
        rows_of, count = self._statements_for(in_use)
        parameters = {**filters, "user_id": user_id}
        found = session.connection().execute(
            rows_of, {**parameters, "limit": limit, "offset": offset}
        )
        items = with_tags(session, self.owner, [dict(r) for r in found.mappings()])
        # A short page that is not past the end already tells the total.
        if len(items) < limit and (items or offset == 0):
            return items, offset + len(items)
        return items, session.connection().scalar(count, parameters) or 0

    def _statements_for(self, shape: frozenset[str]) -> tuple[Select, Select]:
        if (built := self._statements.get(shape)) is None:
            built = self._statements[shape] = self._build(shape)
        return built

    def _build(self, shape: frozenset[str]) -> tuple[Select, Select]:
        owner = self.owner
        filtered = select(*owner.__table__.columns).where(
            owner.user_id == bindparam("user_id"),
            *(self._conditions[name]() for name in sorted(shape)),
        )
        rows_of = (
            filtered.order_by(*self._order_by)
            .limit(bindparam("limit"))
            .offset(bindparam("offset"))
        )
        count = select(func.count()).select_from(filtered.subquery())
        return rows_of, count


def common_conditions(
    owner: type[Note | Task], *text_columns: ColumnElement[str]
) -> dict[str, Condition]:
    """The filters of every listing: a category, a tag, and text found in any of
    `text_columns`; their values come from `filters_in_use`."""
    return {
        "category_id": lambda: owner.category_id == bindparam("category_id"),
        "tag": lambda: owner.tags.any(Tag.name == bindparam("tag")),
        "text": lambda: or_(
            *(matches_pattern(column, bindparam("text")) for column in text_columns)
        ),
    }


def filters_in_use(
    *, category_id: int | None, tag: str | None, text: str | None, **others: Any
) -> Parameters:
    """The values of the filters given (none is None), the common ones in the
    form their conditions bind."""
    given = {
        "category_id": category_id,
        "tag": tag.lower().lstrip("#") if tag else None,
        "text": substring_pattern(text) if text else None,
        **others,
    }
    return {name: value for name, value in given.items() if value is not None}


def with_tags(
    session: Session, owner: type[Note | Task], found: list[Row]
) -> list[Row]:
    """`found` (rows of `owner` as dicts), each given its `tags`, in one query."""
    if not found:
        return found
    names: defaultdict[int, list[str]] = defaultdict(list)
    ids = [row["id"] for row in found]
    for item_id, name in session.connection().execute(_TAG_NAMES[owner], {"ids": ids}):
        names[item_id].append(name)
    for row in found:
        row["tags"] = names.get(row["id"], [])
    return found


def _tag_names(owner_id: ColumnElement[int]) -> Select:
    return (
        select(owner_id, Tag.name)
        .join(Tag, Tag.id == owner_id.table.c.tag_id)
        .where(owner_id.in_(bindparam("ids", expanding=True)))
        .order_by(Tag.name)
    )


_TAG_NAMES = {
    Note: _tag_names(note_tags.c.note_id),
    Task: _tag_names(task_tags.c.task_id),
}
