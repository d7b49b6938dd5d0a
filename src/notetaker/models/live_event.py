from datetime import datetime

from sqlalchemy import BigInteger, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.models.base import Base


class LiveEvent(Base):
    """An event on its way to the tabs served by other worker processes, when no
    Redis carries them. Kept about a minute: only processes polling now read it."""

    __tablename__ = "live_events"
    # AUTOINCREMENT: SQLite would otherwise reuse ids once old rows are pruned,
    # and a reader that remembers the last id it saw would skip the new ones.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True
    )
    # No foreign key: the row outlives nothing and must not slow the change.
    user_id: Mapped[int]
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
