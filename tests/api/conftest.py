from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from notetaker.app import create_app
from notetaker.core.config import Settings
from tests.factories import Account, register


@pytest.fixture(scope="session")
async def app(migrated_settings: Settings) -> AsyncIterator[FastAPI]:
    app = create_app(migrated_settings)
    yield app
    await app.state.database.dispose()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    # Unexpected errors reach the client as the 500 a real client would get.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    app.dependency_overrides.clear()


@pytest.fixture
async def account(client: httpx.AsyncClient) -> Account:
    return await register(client)


@pytest.fixture
async def other_account(client: httpx.AsyncClient) -> Account:
    return await register(client)
