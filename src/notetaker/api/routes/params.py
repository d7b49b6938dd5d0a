"""Query parameters shared by the list endpoints."""

from typing import Annotated

from fastapi import Query

from notetaker.schemas.base import MAX_ID, SearchText

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
TextQuery = Annotated[SearchText | None, Query(alias="q")]
TagQuery = Annotated[SearchText | None, Query()]
CategoryQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
