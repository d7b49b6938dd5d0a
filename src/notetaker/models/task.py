from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from notetaker.models.base import NEVER_REUSED_IDS, Base, Timestamped
from notetaker.models.category import Tag, task_tags

TASK_STATUSES = ("todo", "in_progress", "blocked", "done")


class Task(Timestamped, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index(None, "user_id", "status", "due_at"),
        Index(None, "user_id", "created_at"),
        Index(None, "user_id", "category_id"),
        CheckConstraint("priority BETWEEN 1 AND 4", name="priority_range"),
        CheckConstraint(
            "status IN ('todo', 'in_progress', 'blocked', 'done')", name="status_known"
        ),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="todo")
    priority: Mapped[int] = mapped_column(default=4)
    due_at: Mapped[datetime | None]
    due_has_time: Mapped[bool] = mapped_column(default=False)
    # The zone the due date was given in, so it shows as the user meant it.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    recurrence: Mapped[str | None] = mapped_column(String(500))
    completed_at: Mapped[datetime | None]
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL")
    )
    source_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    # The occurrence completing this recurring task created: completing it again
    # after a re-open must not create a second one.
    next_occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="SET NULL")
    )
    tags: Mapped[list[Tag]] = relationship(secondary=task_tags, lazy="selectin")
