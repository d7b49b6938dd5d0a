"""Request dependencies: the database session, the caller, and owned objects."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.config import Settings as AppSettings
from notetaker.core.errors import Unauthorized
from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.models import Category, Conversation, Note, Task, User
from notetaker.observability import context
from notetaker.schemas.base import MAX_ID
from notetaker.services import categories, conversations, notes, tasks
from notetaker.services.users import user_for_token

SESSION_COOKIE = "notetaker_session"

_bearer = HTTPBearer(auto_error=False)


def get_database(request: Request) -> Database:
    return request.app.state.database


def get_settings(request: Request) -> AppSettings:
    return request.app.state.settings


_READ_METHODS = {"GET", "HEAD", "OPTIONS"}


async def get_session(
    request: Request, db: Annotated[Database, Depends(get_database)]
) -> AsyncIterator[AsyncSession]:
    """The request's one transaction: committed on success, rolled back on error."""
    async with db.transaction(write=request.method not in _READ_METHODS) as session:
        yield session


# Scope "function": commit before the response leaves, so a client that gets a
# success can rely on the change being stored (and read it back at once).
Session = Annotated[AsyncSession, Depends(get_session, scope="function")]


def request_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str | None:
    if credentials is not None:
        return credentials.credentials
    return request.cookies.get(SESSION_COOKIE)


async def current_user(
    db: Annotated[Database, Depends(get_database)],
    token: Annotated[str | None, Depends(request_token)],
) -> User:
    """The caller, looked up in a short read of its own so that a route which
    writes in other transactions (the chat) holds no lock while it works."""
    if not token:
        raise Unauthorized("Sign in first.")
    async with db.transaction(write=False) as session:
        user = await user_for_token(session, token=token)
    if user is None:
        raise Unauthorized("Sign in first.")
    context.bind_user(user.id)
    return user


CurrentUser = Annotated[User, Depends(current_user)]
Token = Annotated[str | None, Depends(request_token)]


def _path_id(name: str):
    return Annotated[int, Path(alias=name, ge=1, le=MAX_ID)]


async def owned_conversation(
    session: Session, user: CurrentUser, conversation_id: _path_id("conversation_id")
) -> Conversation:
    return await conversations.get_conversation(
        session, user_id=user.id, conversation_id=conversation_id
    )


async def owned_note(
    session: Session, user: CurrentUser, note_id: _path_id("note_id")
) -> Note:
    return await notes.get_note(session, user_id=user.id, note_id=note_id)


async def owned_task(
    session: Session, user: CurrentUser, task_id: _path_id("task_id")
) -> Task:
    return await tasks.get_task(session, user_id=user.id, task_id=task_id)


async def owned_category(
    session: Session, user: CurrentUser, category_id: _path_id("category_id")
) -> Category:
    return await categories.get_category(
        session, user_id=user.id, category_id=category_id
    )


OwnedConversation = Annotated[Conversation, Depends(owned_conversation)]
OwnedNote = Annotated[Note, Depends(owned_note)]
OwnedTask = Annotated[Task, Depends(owned_task)]
OwnedCategory = Annotated[Category, Depends(owned_category)]
Settings = Annotated[AppSettings, Depends(get_settings)]


def get_now() -> datetime:
    """The current instant; a dependency so a test can pin the clock."""
    return utcnow()


Now = Annotated[datetime, Depends(get_now)]
