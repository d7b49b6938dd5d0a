from sqlalchemy import Column, ForeignKey, Index, String, Table, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.models.base import Base, Timestamped

# Named in the error a second category of the same name runs into.
UNIQUE_CATEGORY_NAME = "uq_categories_user_id_lower_name"


class Category(Timestamped, Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str | None] = mapped_column(String(20))


# "Work" and "work" are the same category: one of them per user. Lookups fold
# names with the same lower() of the database (which on SQLite folds only A-Z).
Index(UNIQUE_CATEGORY_NAME, Category.user_id, func.lower(Category.name), unique=True)


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
