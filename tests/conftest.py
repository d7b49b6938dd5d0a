"""Fixtures: the API suite runs once on SQLite and once on PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

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


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of whichever `app` the test's folder provides."""
    # Unexpected errors reach the client as the 500 a real client would get.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    app.dependency_overrides.clear()
