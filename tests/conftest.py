"""Fixtures: the API suite runs once on SQLite and once on PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from notetaker.core.config import Settings
from notetaker.db import migrations
from tests.databases import BACKENDS, fresh_database


@pytest.fixture(scope="session", params=BACKENDS)
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """The database the API suite shares, one of each kind."""
    async with fresh_database(request.param, tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
async def migrated_settings(database_url: str) -> Settings:
    settings = Settings(database_url=database_url, _env_file=None)
    await asyncio.to_thread(migrations.upgrade, settings)
    return settings
