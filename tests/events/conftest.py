"""Two app instances on one database (and one Redis), as two worker processes are."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from notetaker.app import create_app
from notetaker.core.config import Settings

WAIT_SECONDS = 5.0

Processes = Callable[..., AbstractAsyncContextManager[tuple[FastAPI, FastAPI]]]


@asynccontextmanager
async def _running(settings: Settings) -> AsyncIterator[FastAPI]:
    app = create_app(settings)
    try:
        yield app
    finally:
        await app.state.events.aclose()
        await app.state.database.dispose()


@pytest.fixture
def two_processes(migrated_settings: Settings) -> Processes:
    """`async with two_processes(**settings) as (a, b)`: two apps, one database."""

    @asynccontextmanager
    async def start(**overrides: Any) -> AsyncIterator[tuple[FastAPI, FastAPI]]:
        settings = migrated_settings.model_copy(update=overrides)
        async with AsyncExitStack() as stack:
            a = await stack.enter_async_context(_running(settings))
            b = await stack.enter_async_context(_running(settings))
            yield a, b

    return start


@asynccontextmanager
async def client_of(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def next_event(queue: asyncio.Queue) -> dict:
    return await asyncio.wait_for(queue.get(), WAIT_SECONDS)
