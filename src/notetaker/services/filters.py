from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute


def substring_pattern(text: str) -> str:
    """A LIKE pattern (for `matches_pattern`) that finds `text` anywhere, its
    wildcards matching literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches_pattern(
    column: InstrumentedAttribute[str], pattern: Any
) -> ColumnElement[bool]:
    """Case-insensitive LIKE of a `substring_pattern`, given or bound later."""
    return column.ilike(pattern, escape="\\")


def contains_text(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; LIKE wildcards in the text match literally."""
    return matches_pattern(column, substring_pattern(text))
