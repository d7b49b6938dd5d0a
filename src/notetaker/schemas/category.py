from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from notetaker.schemas.base import (
    InputModel,
    OutputModel,
    UpdateModel,
    UTCDatetime,
    check_visible,
)

CategoryName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(check_visible),
]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class CategoryCreate(InputModel):
    name: CategoryName
    color: Color | None = None


class CategoryUpdate(UpdateModel):
    nullable = frozenset({"color"})

    name: CategoryName | None = None
    color: Color | None = None


class CategoryRead(OutputModel):
    id: int
    name: str
    color: str | None
    created_at: UTCDatetime
