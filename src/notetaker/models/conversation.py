from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.db.types import utcnow
from notetaker.models.base import NEVER_REUSED_IDS, Base, Timestamped


class Conversation(Timestamped, Base):
    __tablename__ = "conversations"
    __table_args__ = (Index(None, "user_id", "updated_at"), NEVER_REUSED_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200), default="New conversation")
    # What was said before the recent messages the engines read, a line a turn
    # (`assistant/summary.py`), and the last message it takes in.
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    summary_through: Mapped[int | None]


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (Index(None, "conversation_id", "id"), NEVER_REUSED_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # user | assistant
    content: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(
        String(16), default="ok"
    )  # ok | pending | failed
    tokens: Mapped[int | None]
    latency_ms: Mapped[float | None]
    provider: Mapped[str | None] = mapped_column(String(64))
    model: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ThinkingStep(Base):
    __tablename__ = "thinking_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(500))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
