from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from notetaker.core.errors import Conflict, Unauthorized
from notetaker.core.security import (
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.models import AuthSession, User
from notetaker.schemas.user import UserCreate, UserUpdate
from notetaker.services import schedule


async def sign_up(
    db: Database, *, data: UserCreate, days: int
) -> tuple[User, str, AuthSession]:
    """A new user with their first login. The password is hashed (about 0.1 s)
    before the write begins: on SQLite every other writer waits while one writes."""
    password_hash = await hash_password(data.password)
    async with db.transaction() as session:
        user = await create_user(session, data=data, password_hash=password_hash)
        token, login = await create_login(session, user=user, days=days)
    return user, token, login


async def sign_in(
    db: Database, *, email: str, password: str, days: int
) -> tuple[User, str, AuthSession]:
    """A new login for the user with these credentials; verified between a read
    and a write, so that no lock is held while the hash is checked."""
    async with db.transaction(write=False) as session:
        user = await session.scalar(select(User).where(User.email == email.lower()))
    if not await verify_password(user.password_hash if user else None, password):
        raise Unauthorized("Wrong e-mail or password.")
    async with db.transaction() as session:
        token, login = await create_login(session, user=user, days=days)
    return user, token, login


async def create_user(
    session: AsyncSession, *, data: UserCreate, password_hash: str
) -> User:
    email = data.email.lower()
    taken = await session.scalar(select(func.count()).where(User.email == email))
    if taken:
        raise Conflict("An account with this e-mail already exists.")
    user = User(
        email=email,
        display_name=data.display_name,
        password_hash=password_hash,
        timezone=data.timezone,
        date_order=data.date_order,
    )
    session.add(user)
    await session.flush()
    return user


async def update_user(session: AsyncSession, *, user_id: int, data: UserUpdate) -> User:
    user = await session.get_one(User, user_id)
    changes = data.changes()
    for field, value in changes.items():
        setattr(user, field, value)
    await session.flush()
    if "timezone" in changes:
        await schedule.move_all_day_tasks(
            session, user_id=user_id, timezone=user.timezone
        )
    return user


async def create_login(
    session: AsyncSession, *, user: User, days: int
) -> tuple[str, AuthSession]:
    """Start a login; the plain token is returned once and never stored. The
    user's expired logins go at the same time (a few rows, by the user's index)."""
    token = new_token()
    now = utcnow()
    await session.execute(
        delete(AuthSession)
        .where(AuthSession.user_id == user.id)
        .where(AuthSession.expires_at <= now)
    )
    login = AuthSession(
        user_id=user.id,
        token_hash=token_digest(token),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(login)
    await session.flush()
    return token, login


def find_login(session: Session, *, token: str) -> tuple[User, datetime] | None:
    """The signed-in user a token stands for and when that login ends (for
    `Database.read`)."""
    query = (
        select(User, AuthSession.expires_at)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(AuthSession.token_hash == token_digest(token))
        .where(AuthSession.expires_at > utcnow())
    )
    row = session.execute(query).first()
    return None if row is None else (row[0], row[1])


async def sign_out(db: Database, *, token: str) -> None:
    """End the login, in a transaction of its own: the caller forgets the token
    only once the delete has committed."""
    async with db.transaction() as session:
        await delete_login(session, token=token)


async def delete_login(session: AsyncSession, *, token: str) -> None:
    await session.execute(
        delete(AuthSession).where(AuthSession.token_hash == token_digest(token))
    )


async def purge_expired_logins(
    session: AsyncSession, *, now: datetime, limit: int
) -> int:
    """Delete up to `limit` expired logins of any user; returns how many went."""
    expired = select(AuthSession.id).where(AuthSession.expires_at <= now).limit(limit)
    result = await session.execute(
        delete(AuthSession).where(AuthSession.id.in_(expired))
    )
    return result.rowcount
