from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
)

from notetaker.schemas.base import (
    Body,
    BoundedDatetime,
    Id,
    InputModel,
    OutputModel,
    TagName,
    Title,
    UpdateModel,
    UTCDatetime,
)
from notetaker.services.recurrence import validate_rule

TaskStatus = Literal["todo", "in_progress", "blocked", "done"]
Priority = Annotated[int, Field(ge=1, le=4)]
# JSON has no datetime type: ISO 8601 strings are parsed even in strict models.
DueAt = Annotated[BoundedDatetime, Field(strict=False)]
RRule = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=6, max_length=500),
    AfterValidator(validate_rule),
]


class TaskCreate(InputModel):
    title: Title
    description: Body = ""
    status: TaskStatus = "todo"
    priority: Priority = 4
    due_at: DueAt | None = None
    due_has_time: bool = True
    recurrence: RRule | None = None
    tags: list[TagName] = Field(default_factory=list, max_length=50)
    category_id: Id | None = None


class TaskUpdate(UpdateModel):
    nullable = frozenset({"due_at", "recurrence", "category_id"})

    title: Title | None = None
    description: Body | None = None
    status: TaskStatus | None = None
    priority: Priority | None = None
    due_at: DueAt | None = None
    due_has_time: bool | None = None
    recurrence: RRule | None = None
    tags: list[TagName] | None = Field(default=None, max_length=50)
    category_id: Id | None = None


class TaskRead(OutputModel):
    id: int
    title: str
    description: str
    status: TaskStatus
    priority: int
    due_at: UTCDatetime | None
    due_has_time: bool
    timezone: str
    recurrence: str | None
    completed_at: UTCDatetime | None
    tags: list[str]
    category_id: int | None
    source_message_id: int | None
    created_at: UTCDatetime
    updated_at: UTCDatetime

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_names(cls, value: list) -> list[str]:
        return sorted(t if isinstance(t, str) else t.name for t in value)

    @computed_field
    @property
    def due_local(self) -> str | None:
        """The due date as the user gave it, in the task's own timezone."""
        if self.due_at is None:
            return None
        local = self.due_at.astimezone(ZoneInfo(self.timezone))
        return local.isoformat() if self.due_has_time else local.date().isoformat()


class TaskPage(OutputModel):
    items: list[TaskRead]
    total: int
    limit: int
    offset: int
