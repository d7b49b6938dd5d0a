"""The one interface every understanding engine implements.

An engine turns a user's message, with what it needs to know of the user, into a
validated `Plan`. It never touches the database: the orchestrator applies the plan.
Datetimes inside a plan are timezone-aware and in the user's own zone; the
orchestrator stores them in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal, Protocol

from pydantic import BaseModel, Field, field_validator


class Intent(StrEnum):
    NOTE = "note"
    TASK = "task"
    BRAIN_DUMP = "brain_dump"
    QUESTION = "question"
    TASK_UPDATE = "task_update"
    CHIT_CHAT = "chit_chat"
    # A request the product cannot serve ("play music", "what's the weather"): a
    # short reply saying so, nothing stored.
    UNSUPPORTED = "unsupported"


class DateOrder(StrEnum):
    """How the user writes numeric dates: 3/4 is March 4th (MDY) or 3 April (DMY)."""

    MDY = "MDY"
    DMY = "DMY"


def _require_aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("datetimes in a plan must be timezone-aware")
    return value


class TaskDraft(BaseModel):
    title: str = Field(min_length=1, max_length=500)
    description: str | None = None
    due_at: datetime | None = None
    # False for an all-day due date ("on Friday"): shown as a date, due at day's end.
    due_has_time: bool = False
    priority: int = Field(default=4, ge=1, le=4)
    recurrence: str | None = None  # RFC 5545 RRULE body, e.g. "FREQ=WEEKLY;BYDAY=MO"
    tags: list[str] = Field(default_factory=list)

    _aware = field_validator("due_at")(_require_aware)


class NoteDraft(BaseModel):
    title: str = Field(min_length=1, max_length=500)
    body: str = ""  # markdown
    tags: list[str] = Field(default_factory=list)
    category: str | None = None


TaskAction = Literal["complete", "reopen", "reschedule", "delete", "set_priority"]


# A workflow state ("mark it in progress"); not offered to LLM engines (yet), so it
# stays out of TaskAction, which their JSON schema lists.
TaskStatusAction = Literal["set_status"]
TaskStatusName = Literal["todo", "in_progress", "blocked", "done"]


class TaskChange(BaseModel):
    task_id: int
    action: TaskAction | TaskStatusAction
    due_at: datetime | None = None
    due_has_time: bool = False
    priority: int | None = Field(default=None, ge=1, le=4)
    status: TaskStatusName | None = None  # for "set_status"

    _aware = field_validator("due_at")(_require_aware)


QuestionKind = Literal[
    "due_today", "due_window", "overdue", "open_tasks", "notes", "search"
]


class QuestionQuery(BaseModel):
    """What the user asked about their own data; the orchestrator runs it."""

    kind: QuestionKind
    start: datetime | None = None
    end: datetime | None = None
    text: str | None = None  # for "search": the topic words
    count: bool = False  # "how many …": answer with the number of matching items
    # Only tasks at this priority or a more urgent one ("my urgent tasks": 1).
    priority: int | None = Field(default=None, ge=1, le=4)
    # Only tasks at this priority or a less urgent one ("low priority": 4); with
    # `priority` the same, exactly that level ("medium priority": 3 and 3).
    priority_or_lower: int | None = Field(default=None, ge=1, le=4)

    _aware = field_validator("start", "end")(_require_aware)


class ThinkingStep(BaseModel):
    kind: str  # classify | extract | match | store | answer | error
    label: str
    detail: dict[str, object] = Field(default_factory=dict)


class Plan(BaseModel):
    intent: Intent
    reply: str
    notes: list[NoteDraft] = Field(default_factory=list)
    tasks: list[TaskDraft] = Field(default_factory=list)
    changes: list[TaskChange] = Field(default_factory=list)
    question: QuestionQuery | None = None
    thinking: list[ThinkingStep] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TaskRef:
    """An open task the user may be referring to ("mark the dentist one done")."""

    id: int
    title: str
    due_at: datetime | None = None
    priority: int = 4


@dataclass(frozen=True, slots=True)
class Turn:
    """An earlier message of the conversation, for engines that read context."""

    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True, slots=True)
class EngineInput:
    text: str
    now: datetime  # aware, in the user's timezone
    timezone: str  # IANA name, e.g. "Europe/Lisbon"
    date_order: DateOrder = DateOrder.MDY
    open_tasks: tuple[TaskRef, ...] = field(default_factory=tuple)
    # Oldest first; the message being understood is not among them.
    history: tuple[Turn, ...] = field(default_factory=tuple)
    # Retrieved long-term memories (the user's notes and tasks), most relevant first.
    memories: tuple[str, ...] = field(default_factory=tuple)
    # The conversation before `history`, a line a turn, oldest first.
    summary: str = ""


class Engine(Protocol):
    name: str
    history_messages: int  # earlier messages of the conversation it reads

    def understand(self, message: EngineInput) -> Plan: ...
