"""Fixtures: the API suite runs once on SQLite and once on PostgreSQL.

PostgreSQL comes from NOTETAKER_TEST_POSTGRES_URL (default: the local service). Where
it cannot be reached the PostgreSQL half is skipped with the reason, except in CI
(CI=true), where an unreachable service is an error.
"""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from notetaker.core.config import Settings
from notetaker.db import migrations

POSTGRES_ADMIN_URL = os.environ.get(
    "NOTETAKER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI but unavailable: {reason}")
    pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {reason}")


async def _create_postgres_database() -> str:
    name = f"notetaker_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        _postgres_unavailable(str(exc))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return name


async def _drop_postgres_database(name: str) -> None:
    admin = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=5)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def _postgres_url(name: str) -> str:
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base.replace('postgresql://', 'postgresql+asyncpg://', 1)}/{name}"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """An empty database of each kind, dropped after the session."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "notetaker.db"
        yield f"sqlite+aiosqlite:///{path}"
        return
    name = await _create_postgres_database()
    try:
        yield _postgres_url(name)
    finally:
        await _drop_postgres_database(name)


@pytest.fixture(scope="session")
async def migrated_settings(database_url: str) -> Settings:
    settings = Settings(database_url=database_url, _env_file=None)
    await asyncio.to_thread(migrations.upgrade, settings)
    return settings
