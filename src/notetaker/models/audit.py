from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.db.types import utcnow
from notetaker.models.base import Base


class AuditEntry(Base):
    """Who changed what and from where (api, or the assistant via a message)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(64))  # task.created, note.deleted, …
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int]
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
