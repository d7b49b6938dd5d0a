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
async def account(client: httpx.AsyncClient) -> Account:
    return await register(client)


@pytest.fixture
async def other_account(client: httpx.AsyncClient) -> Account:
    return await register(client)
