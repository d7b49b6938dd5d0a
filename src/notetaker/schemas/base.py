import unicodedata
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL


def check_storable(value: Any) -> Any:
    """Refuse text no database can store: NUL characters and lone surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("text must be valid Unicode") from exc
    elif isinstance(value, dict):
        for item in value.values():
            check_storable(item)
    elif isinstance(value, list):
        for item in value:
            check_storable(item)
    return value


class InputModel(BaseModel):
    """Request bodies: unknown fields and loose types are refused, not guessed at."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        return check_storable(data)


class UpdateModel(InputModel):
    """A partial update: absent fields stay as they are; null clears a field only
    where clearing makes sense (those named in `nullable`)."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _refuse_null(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = sorted(
                k for k, v in data.items() if v is None and k not in cls.nullable
            )
            if nulls:
                raise ValueError(f"cannot be null: {', '.join(nulls)}")
        return data

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


def _in_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# What the API returns: always UTC, whatever zone the value was computed in.
UTCDatetime = Annotated[datetime, AfterValidator(_in_utc)]

# Far enough from datetime's own limits (years 1 and 9999) that moving a value to
# UTC or to any user's zone, or stepping a recurrence, can never overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def check_in_range(value: datetime) -> datetime:
    # Aware comparison works on offsets and cannot overflow, unlike astimezone().
    if not EARLIEST <= value < LATEST:
        raise ValueError("date must be between the years 1900 and 8999")
    return value


# A date and time given by a client: with its offset, and within a sane range.
BoundedDatetime = Annotated[AwareDatetime, AfterValidator(check_in_range)]


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
SearchText = Annotated[
    str, StringConstraints(max_length=200), AfterValidator(check_storable)
]

# Blank although Unicode files them as letters, not as spaces or format characters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def _shows_nothing(char: str) -> bool:
    # Format characters (Cf) such as U+200B, U+2060 and U+FEFF take no room.
    return (
        char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) == "Cf"
    )


def check_visible(value: str) -> str:
    """Refuse a name that would show as empty: one of invisible characters only."""
    if all(_shows_nothing(char) for char in value):
        raise ValueError("must contain a visible character")
    return value


Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(check_visible),
]
Body = Annotated[str, StringConstraints(max_length=200_000)]
TagName = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=1,
        max_length=100,
        pattern=r"^#?[^\s#,]+$",
    ),
]
