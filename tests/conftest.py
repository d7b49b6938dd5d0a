"""Fixtures: the API suite runs once on SQLite and once on PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from notetaker.app import create_app
from notetaker.core.config import Settings
from notetaker.db import migrations
from tests.databases import BACKENDS, fresh_database
from tests.factories import Account, register
from tests.redis_service import own_key_prefix


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


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of whichever `app` the test's folder provides."""
    # Unexpected errors reach the client as the 500 a real client would get.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    app.dependency_overrides.clear()


@pytest.fixture(scope="session")
async def app(migrated_settings: Settings) -> AsyncIterator[FastAPI]:
    """The app on the built-in engine; a folder that needs another provides its own."""
    app = create_app(migrated_settings)
    yield app
    await app.state.database.dispose()


@pytest.fixture
async def account(client: httpx.AsyncClient) -> Account:
    return await register(client)


@pytest.fixture
async def other_account(client: httpx.AsyncClient) -> Account:
    return await register(client)


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    """Keys of this test's own on the real Redis (skipped, saying why, without it)."""
    async for prefix in own_key_prefix():
        yield prefix
