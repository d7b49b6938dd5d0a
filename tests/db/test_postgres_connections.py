"""PostgreSQL: pooled connections that the server has closed (a restart, an admin,
an idle timeout) are replaced, never handed to a request."""

import asyncio

import asyncpg
import pytest
from sqlalchemy import make_url

from notetaker.core.config import Settings
from tests.databases import POSTGRES_ADMIN_URL
from tests.factories import Account


async def _close_from_server(database: str) -> int:
    admin = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=5)
    try:
        return await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            database,
        )
    finally:
        await admin.close()


async def test_requests_after_server_closed_pooled_connections(
    account: Account, migrated_settings: Settings
):
    if migrated_settings.is_sqlite:
        pytest.skip("PostgreSQL connections only")
    for _ in range(3):
        assert (await account.get("/api/notes")).status_code == 200

    database = make_url(migrated_settings.database_url).database
    assert await _close_from_server(database) >= 1
    await asyncio.sleep(0.2)  # for the event loop to read the connections' end

    assert (await account.get("/api/notes")).status_code == 200
    created = await account.post("/api/notes", json={"title": "After the restart"})
    assert created.status_code == 201
