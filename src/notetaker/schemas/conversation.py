from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import StringConstraints

from notetaker.models import Message, Note, Task, ThinkingStep
from notetaker.schemas.base import InputModel, OutputModel, UTCDatetime
from notetaker.schemas.note import NoteRead
from notetaker.schemas.task import TaskRead

ConversationTitle = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]


class ConversationCreate(InputModel):
    title: ConversationTitle = "New conversation"


class ConversationUpdate(InputModel):
    title: ConversationTitle


class ConversationRead(OutputModel):
    id: int
    title: str
    created_at: UTCDatetime
    updated_at: UTCDatetime


class ConversationPage(OutputModel):
    items: list[ConversationRead]
    total: int
    limit: int
    offset: int


class MessageCreate(InputModel):
    content: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ThinkingStepRead(OutputModel):
    kind: str
    label: str
    detail: dict[str, Any]


class MessageRead(OutputModel):
    """A message; an assistant reply carries the thinking steps that made it
    (empty in the live `message.created` event, sent before they are stored)."""

    id: int
    conversation_id: int
    role: str
    content: str
    intent: str | None
    status: str
    latency_ms: float | None
    provider: str | None
    model: str | None
    created_at: UTCDatetime
    thinking: list[ThinkingStepRead] = []

    @classmethod
    def of(cls, message: Message, thinking: Sequence[ThinkingStep]) -> "MessageRead":
        shown = cls.model_validate(message)
        shown.thinking = [ThinkingStepRead.model_validate(step) for step in thinking]
        return shown


class MessagePage(OutputModel):
    """Newest first; pass `next_cursor` as `before` for the page of older ones."""

    items: list[MessageRead]
    next_cursor: int | None


class SourceRead(OutputModel):
    """A note or task an answer was drawn from."""

    type: Literal["note", "task"]
    id: int
    title: str

    @classmethod
    def of(cls, item: Note | Task) -> "SourceRead":
        kind = "note" if isinstance(item, Note) else "task"
        return cls(type=kind, id=item.id, title=item.title)


class ExchangeRead(OutputModel):
    """What one user message produced: the reply, how it got there, and every note
    and task it created or changed (deleted ones are named in the thinking steps)."""

    user_message: MessageRead
    assistant_message: MessageRead
    thinking: list[ThinkingStepRead]
    notes: list[NoteRead]
    tasks: list[TaskRead]
    sources: list[SourceRead]
