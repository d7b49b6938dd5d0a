from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.models.base import Base, Timestamped


class Category(Timestamped, Base):
    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str | None] = mapped_column(String(20))


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))


def _tag_link(owner: str) -> Table:
    return Table(
        f"{owner}_tags",
        Base.metadata,
        Column(
            f"{owner}_id",
            ForeignKey(f"{owner}s.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    )


note_tags = _tag_link("note")
task_tags = _tag_link("task")
