"""Settings read from the environment: database URLs people actually paste."""

import pytest
from pydantic import ValidationError

from notetaker.core.config import Settings


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("sqlite:///./data/app.db", "sqlite+aiosqlite:///./data/app.db"),
        ("sqlite+aiosqlite:////var/lib/app.db", "sqlite+aiosqlite:////var/lib/app.db"),
        ("postgresql://me@db:5432/notes", "postgresql+asyncpg://me@db:5432/notes"),
        ("postgres://me@db/notes", "postgresql+asyncpg://me@db/notes"),
        ("postgresql+asyncpg://me@db/notes", "postgresql+asyncpg://me@db/notes"),
    ],
)
def test_database_url_gets_async_driver(given, used):
    assert Settings(database_url=given, _env_file=None).database_url == used


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("mysql://me@db/notes", "unsupported database driver 'mysql'"),
        ("postgresql+psycopg2://me@db/notes", "unsupported database driver"),
        ("./data/app.db", "must be a URL"),
    ],
)
def test_database_url_refuses_other_drivers_clearly(given, says):
    with pytest.raises(ValidationError) as refused:
        Settings(database_url=given, _env_file=None)

    assert says in str(refused.value)


@pytest.mark.parametrize(
    "variable", ["OTEL_EXPORTER_OTLP_ENDPOINT", "NOTETAKER_OTEL_ENDPOINT"]
)
def test_otel_endpoint_read_from_standard_or_own_variable(monkeypatch, variable):
    monkeypatch.setenv(variable, "http://127.0.0.1:4318")

    assert Settings(_env_file=None).otel_endpoint == "http://127.0.0.1:4318"
