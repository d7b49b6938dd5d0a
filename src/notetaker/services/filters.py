from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute


def contains_text(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; LIKE wildcards in the text match literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
