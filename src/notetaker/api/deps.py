"""Request dependencies: the database session, the caller, and owned objects."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.config import Settings as AppSettings
from notetaker.core.errors import Unauthorized
from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.models import Category, Conversation, Note, Task, User
from notetaker.observability import context
from notetaker.schemas.base import MAX_ID
from notetaker.services import categories, conversations, notes, tasks
from notetaker.services.login_cache import LoginCache
from notetaker.services.users import find_login

SESSION_COOKIE = "notetaker_session"


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_settings(request: Request) -> AppSettings:
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
Db = Annotated[Database, Depends(get_database)]


async def request_token(request: Request) -> str | None:
    """The bearer token the request carries, else its session cookie."""
    scheme, credentials = get_authorization_scheme_param(
        request.headers.get("Authorization")
    )
    if scheme.lower() == "bearer" and credentials:
        return credentials
    return request.cookies.get(SESSION_COOKIE)


async def get_login_cache(request: Request) -> LoginCache:
    return request.app.state.login_cache


Logins = Annotated[LoginCache, Depends(get_login_cache)]


async def signed_in_user(db: Database, logins: LoginCache, token: str) -> User | None:
    """Looked up in a short read of its own so that a route which writes in other
    transactions (the chat) holds no lock while it works."""
    user = logins.get(token)
    if user is not None:
        return user
    found = await db.read(find_login, token=token)
    if found is None:
        return None
    user, expires_at = found
    logins.put(token, user, login_expires_at=expires_at)
    return user


class _SignedIn(HTTPBearer):
    """The caller, in one dependency rather than a chain of five (database, login
    cache, bearer scheme, token, user): on a list request FastAPI's solving of
    each cost more than what it did. An HTTPBearer still, so that the OpenAPI
    schema tells clients how to sign in."""

    def __init__(self) -> None:
        super().__init__(scheme_name="HTTPBearer", auto_error=False)

    async def __call__(self, request: Request) -> User:  # type: ignore[override]
        token = await request_token(request)
        if not token:
            raise Unauthorized("Sign in first.")
        state = request.app.state
        user = await signed_in_user(state.database, state.login_cache, token)
        if user is None:
            raise Unauthorized("Sign in first.")
        context.bind_user(user.id)
        return user


current_user = _SignedIn()
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


async def get_now() -> datetime:
    """The current instant; a dependency so a test can pin the clock."""
    return utcnow()


Now = Annotated[datetime, Depends(get_now)]
