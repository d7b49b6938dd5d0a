"""Settings: the only place that reads the environment."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NOTETAKER_", env_file=".env", extra="ignore"
    )

    database_url: str = Field(
        default="sqlite+aiosqlite:///./data/notetaker.db",
        description="SQLAlchemy async URL; postgresql+asyncpg://… for PostgreSQL.",
    )
    database_pool_size: int = Field(default=10, ge=1, le=200)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    engine: Literal["local"] = "local"
    default_timezone: str = "UTC"
    session_days: int = Field(default=30, ge=1, le=365)
    # Only over HTTPS should the browser send the session cookie; off for localhost.
    cookie_secure: bool = False
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    max_message_chars: int = Field(default=100_000, ge=100)
    cors_origins: list[str] = Field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The database file, or None for PostgreSQL and in-memory SQLite."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split("///", 1)[-1]
        return None if path in ("", ":memory:") else Path(path)


@lru_cache
def get_settings() -> Settings:
    return Settings()
