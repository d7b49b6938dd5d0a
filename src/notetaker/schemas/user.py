from typing import Annotated, Literal

from pydantic import AfterValidator, EmailStr, StringConstraints

from notetaker.core.timezones import check_timezone
from notetaker.schemas.base import InputModel, OutputModel, UpdateModel, UTCDatetime

TimezoneName = Annotated[
    str, StringConstraints(min_length=1, max_length=64), AfterValidator(check_timezone)
]
Password = Annotated[str, StringConstraints(min_length=8, max_length=256)]
DateOrderName = Literal["MDY", "DMY"]


class UserCreate(InputModel):
    email: EmailStr
    password: Password
    display_name: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=100)
    ] = ""
    timezone: TimezoneName = "UTC"
    date_order: DateOrderName = "MDY"


class UserUpdate(UpdateModel):
    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None
    ) = None
    timezone: TimezoneName | None = None
    date_order: DateOrderName | None = None


class LoginRequest(InputModel):
    email: EmailStr
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]


class UserRead(OutputModel):
    id: int
    email: str
    display_name: str
    timezone: str
    date_order: str
    created_at: UTCDatetime


class SessionRead(OutputModel):
    """A new login. `token` works as a bearer token; browsers get it as a cookie."""

    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: UTCDatetime
    user: UserRead
