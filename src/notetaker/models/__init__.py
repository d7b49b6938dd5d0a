"""ORM models; importing this package registers every table on Base.metadata."""

from notetaker.models.audit import AuditEntry
from notetaker.models.base import Base
from notetaker.models.category import Category, Tag, note_tags, task_tags
from notetaker.models.conversation import Conversation, Message, ThinkingStep
from notetaker.models.live_event import LiveEvent
from notetaker.models.note import Note
from notetaker.models.rate_limit import RateLimitCounter
from notetaker.models.task import TASK_STATUSES, Task
from notetaker.models.user import AuthSession, User

__all__ = [
    "TASK_STATUSES",
    "AuditEntry",
    "AuthSession",
    "Base",
    "Category",
    "Conversation",
    "LiveEvent",
    "Message",
    "Note",
    "RateLimitCounter",
    "Tag",
    "Task",
    "ThinkingStep",
    "User",
    "note_tags",
    "task_tags",
]
