from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from notetaker.models.base import NEVER_REUSED_IDS, Base, Timestamped
from notetaker.models.category import Tag, note_tags


class Note(Timestamped, Base):
    __tablename__ = "notes"
    __table_args__ = (
        Index(None, "user_id", "archived", "updated_at"),
        Index(None, "user_id", "category_id"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL")
    )
    pinned: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)
    source_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    tags: Mapped[list[Tag]] = relationship(secondary=note_tags, lazy="selectin")
