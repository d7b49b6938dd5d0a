"""Pages of notes and tasks for the list screens, read as plain rows.

Building an ORM object per row, and a tag collection per object, was most of what a
list request cost; a screen only shows the rows, so it gets mappings: the owner's
columns plus `tags`, the sorted tag names. The tags come in the same statement, as a
JSON array per row (on PostgreSQL a statement of their own cost a quarter of a list
request's CPU).

Building a statement cost SQLAlchemy four times what executing a built one does, so
each listing builds its statements once per combination of filters in use (its
shape) and binds the filters' values as parameters.
"""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from notetaker.db.aggregates import json_array_of
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
        items = tagged(found.mappings())
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
        conditions = (
            owner.user_id == bindparam("user_id"),
            *(self._conditions[name]() for name in sorted(shape)),
        )
        rows_of = (
            select(*columns_with_tags(owner))
            .where(*conditions)
            .order_by(*self._order_by)
            .limit(bindparam("limit"))
            .offset(bindparam("offset"))
        )
        count = select(func.count()).select_from(owner).where(*conditions)
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


def columns_with_tags(owner: type[Note | Task]) -> tuple[ColumnElement, ...]:
    """The columns of `owner`'s rows for `tagged`: its own and its tags'."""
    link = _TAG_LINKS[owner]
    names = (
        select(json_array_of(Tag.name))
        .join_from(link.table, Tag, Tag.id == link.table.c.tag_id)
        .where(link == owner.id)
        .scalar_subquery()
    )
    return (*owner.__table__.columns, names.label("tags"))


def tagged(found: Iterable[RowMapping]) -> list[Row]:
    """Rows read with `columns_with_tags`, their `tags` a sorted list of names."""
    rows = [dict(row) for row in found]
    for row in rows:
        row["tags"] = sorted(json.loads(row["tags"] or "[]"))
    return rows


_TAG_LINKS = {Note: note_tags.c.note_id, Task: task_tags.c.task_id}
