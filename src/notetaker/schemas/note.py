from pydantic import Field, field_validator

from notetaker.schemas.base import (
    Body,
    Id,
    InputModel,
    OutputModel,
    TagName,
    Title,
    UpdateModel,
    UTCDatetime,
)


class NoteCreate(InputModel):
    title: Title
    body: Body = ""
    tags: list[TagName] = Field(default_factory=list, max_length=50)
    category_id: Id | None = None
    pinned: bool = False


class NoteUpdate(UpdateModel):
    nullable = frozenset({"category_id"})

    title: Title | None = None
    body: Body | None = None
    tags: list[TagName] | None = Field(default=None, max_length=50)
    category_id: Id | None = None
    pinned: bool | None = None
    archived: bool | None = None


class NoteRead(OutputModel):
    id: int
    title: str
    body: str
    tags: list[str]
    category_id: int | None
    pinned: bool
    archived: bool
    source_message_id: int | None
    created_at: UTCDatetime
    updated_at: UTCDatetime

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_names(cls, value: list) -> list[str]:
        return sorted(t if isinstance(t, str) else t.name for t in value)


class NotePage(OutputModel):
    items: list[NoteRead]
    total: int
    limit: int
    offset: int
