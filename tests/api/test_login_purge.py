"""Expired logins are deleted: the user's own at sign-in, everyone's periodically."""

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy import select

from notetaker.app import create_app
from notetaker.db.types import utcnow
from notetaker.models import AuthSession
from notetaker.services import housekeeping
from tests.factories import Account

PASSWORD = "correct horse battery"


async def _add_login(database, user_id: int, *, expired: bool) -> str:
    now = utcnow()
    token_hash = uuid.uuid4().hex
    ends = now - timedelta(minutes=1) if expired else now + timedelta(days=1)
    async with database.transaction() as session:
        session.add(
            AuthSession(
                user_id=user_id,
                token_hash=token_hash,
                created_at=now - timedelta(days=31),
                expires_at=ends,
            )
        )
    return token_hash


async def _remaining(database, hashes: list[str]) -> set[str]:
    async with database.transaction(write=False) as session:
        query = select(AuthSession.token_hash).where(AuthSession.token_hash.in_(hashes))
        return set(await session.scalars(query))


async def test_login_user_purges_own_expired_logins(
    app, client, account: Account, other_account: Account
):
    database = app.state.database
    own = await _add_login(database, account.user["id"], expired=True)
    live = await _add_login(database, account.user["id"], expired=False)
    others = await _add_login(database, other_account.user["id"], expired=True)

    response = await client.post(
        "/api/auth/login", json={"email": account.user["email"], "password": PASSWORD}
    )

    assert response.status_code == 200
    assert await _remaining(database, [own, live, others]) == {live, others}


async def test_purge_expired_logins_bounded(app, account: Account, monkeypatch):
    database = app.state.database
    monkeypatch.setattr(housekeeping, "BATCH", 2)
    monkeypatch.setattr(housekeeping, "MAX_BATCHES", 2)
    for _ in range(100):  # what earlier tests left, so that only ours remain
        if await housekeeping.purge_expired(database, app.state.rate_limiter) < 4:
            break
    expired = [
        await _add_login(database, account.user["id"], expired=True) for _ in range(5)
    ]
    live = await _add_login(database, account.user["id"], expired=False)

    deleted = await housekeeping.purge_expired(database, app.state.rate_limiter)

    assert deleted == 4
    assert len(await _remaining(database, expired)) == 1
    assert await _remaining(database, [live]) == {live}


async def test_app_lifespan_purges_expired_logins(migrated_settings, account: Account):
    app = create_app(migrated_settings)
    expired = await _add_login(app.state.database, account.user["id"], expired=True)

    async with app.router.lifespan_context(app):
        for _ in range(200):
            if not await _remaining(app.state.database, [expired]):
                break
            await asyncio.sleep(0.02)
        left = await _remaining(app.state.database, [expired])

    assert left == set()
