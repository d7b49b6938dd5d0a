"""An app on its own SQLite database, with one operator account configured."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)

from notetaker.app import create_app
from notetaker.core.config import Settings
from notetaker.db import migrations
from tests.factories import Account

OPERATOR_EMAIL = "ops@example.com"


@pytest.fixture(scope="session")
async def observed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("observability")
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{folder / 'notetaker.db'}",
        admin_emails=[OPERATOR_EMAIL.upper()],
        _env_file=None,
    )
    await asyncio.to_thread(migrations.upgrade, settings)
    return settings


@pytest.fixture(scope="session")
async def app(observed_settings: Settings) -> AsyncIterator[FastAPI]:
    app = create_app(observed_settings)
    yield app
    await app.state.database.dispose()


@pytest.fixture(scope="session")
def span_exporter() -> InMemorySpanExporter:
    """Spans of this test session, kept in memory (the one provider installed)."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    return exporter


@pytest.fixture
def spans(span_exporter: InMemorySpanExporter) -> InMemorySpanExporter:
    span_exporter.clear()
    return span_exporter


@pytest.fixture
async def operator(client: httpx.AsyncClient) -> Account:
    """The operator's account, registered on first use and signed in after."""
    body = {"email": OPERATOR_EMAIL, "password": "correct horse battery"}
    response = await client.post("/api/auth/register", json=body)
    if response.status_code == 409:
        response = await client.post("/api/auth/login", json=body)
    assert response.status_code in (200, 201), response.text
    client.cookies.clear()
    data = response.json()
    return Account(client=client, token=data["token"], user=data["user"])
