"""Migrations build the schema the models describe, and come apart cleanly."""

import asyncio
import warnings
from collections.abc import AsyncIterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import SAWarning
from sqlalchemy.ext.asyncio import create_async_engine

from notetaker.core.config import Settings
from notetaker.db import migrations
from notetaker.models import Base
from tests.databases import BACKENDS, fresh_database


async def _table_names(url: str) -> set[str]:
    engine = create_async_engine(url)
    async with engine.connect() as connection:
        names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    await engine.dispose()
    return names


def _compare(connection) -> list:
    with warnings.catch_warnings():
        # SQLite's reflection cannot read an index on an expression (the one on
        # lower(name) of categories); PostgreSQL's comparison covers it.
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based", SAWarning
        )
        warnings.filterwarnings(
            "ignore", "autogenerate skipping metadata-specified expression-based"
        )
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


async def _schema_drift(url: str) -> list:
    engine = create_async_engine(url)
    async with engine.connect() as connection:
        drift = await connection.run_sync(_compare)
    await engine.dispose()
    return drift


@pytest.fixture(params=BACKENDS)
async def settings(request, tmp_path) -> AsyncIterator[Settings]:
    async with fresh_database(request.param, tmp_path) as url:
        yield Settings(database_url=url, _env_file=None)


async def test_upgrade_empty_database_matches_models(settings: Settings):
    await asyncio.to_thread(migrations.upgrade, settings)

    assert set(Base.metadata.tables) <= await _table_names(settings.database_url)
    assert await _schema_drift(settings.database_url) == []


async def test_downgrade_to_base_then_upgrade_again(settings: Settings):
    await asyncio.to_thread(migrations.upgrade, settings)

    await asyncio.to_thread(migrations.downgrade, settings, "base")
    assert await _table_names(settings.database_url) == {"alembic_version"}

    await asyncio.to_thread(migrations.upgrade, settings)
    assert set(Base.metadata.tables) <= await _table_names(settings.database_url)
