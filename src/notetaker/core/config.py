"""Settings: the only place that reads the environment."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

EngineName = Literal["ollama", "openai", "local"]

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


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
    # Understanding engines in the order they are tried, e.g. "ollama,openai,local";
    # the built-in `local` engine always ends the chain, named or not.
    engines: Annotated[list[EngineName], NoDecode] = Field(
        default_factory=lambda: ["local"]
    )
    ollama_url: str = "http://127.0.0.1:11434"
    ollama_small_model: str = "llama3.2:3b"
    ollama_large_model: str = "llama3.1:8b"
    # Any OpenAI-compatible server: OpenAI, vLLM, llama.cpp server, LM Studio.
    openai_base_url: str = "https://api.openai.com/v1"
    openai_api_key: SecretStr | None = None
    openai_small_model: str = "gpt-4o-mini"
    openai_large_model: str = "gpt-4o"
    llm_stream: bool = True
    llm_connect_timeout: float = Field(default=5.0, gt=0, le=120)
    # The longest silence between two chunks of an answer.
    llm_read_timeout: float = Field(default=30.0, gt=0, le=600)
    # One attempt, from request to the last chunk.
    llm_request_timeout: float = Field(default=60.0, gt=0, le=1800)
    # Every LLM engine of the chain together, retries and repairs included.
    llm_total_timeout: float = Field(default=90.0, gt=0, le=3600)
    llm_retries: int = Field(default=2, ge=0, le=10)
    llm_backoff_base: float = Field(default=0.5, ge=0, le=60)
    llm_backoff_max: float = Field(default=8.0, ge=0, le=300)
    llm_breaker_failures: int = Field(default=5, ge=1, le=1000)
    llm_breaker_reset: float = Field(default=30.0, gt=0, le=3600)
    llm_max_in_flight: int = Field(default=16, ge=1, le=1024)
    llm_queue_timeout: float = Field(default=10.0, gt=0, le=600)
    # A message at or over either threshold, or a question, goes to the large model.
    llm_route_large_tokens: int = Field(default=60, ge=1)
    llm_route_large_lines: int = Field(default=3, ge=1)
    llm_context_tokens: int = Field(default=4000, ge=256, le=1_000_000)
    llm_history_messages: int = Field(default=20, ge=0, le=500)
    ai_cache_ttl: float = Field(default=3600.0, gt=0)
    ai_cache_entries: int = Field(default=2048, ge=1)
    redis_url: str | None = None
    # Every Redis key and channel of the app starts with this, so that deployments
    # sharing one Redis keep apart.
    redis_prefix: str = "notetaker:"
    # Live events go to one Redis channel per user, named this plus the user id.
    # Unset, it is `redis_prefix` plus "events:"; kept for the deployments that
    # set it before `redis_prefix` existed.
    events_redis_prefix: str = "notetaker:events:"
    session_days: int = Field(default=30, ge=1, le=365)
    # Sign-in limits, per window: failed sign-ins for one account's e-mail, and
    # failed sign-ins plus refused sign-ups (e-mail taken) from one client address.
    auth_limit_window: int = Field(default=900, ge=1, le=86_400)
    auth_failures_per_email: int = Field(default=10, ge=1)
    auth_failures_per_ip: int = Field(default=100, ge=1)
    # How long a process trusts its memory of a token (0: ask the database each
    # time). A sign-out reaches the other worker processes within this time.
    login_cache_seconds: float = Field(default=5, ge=0, le=60)
    # Only over HTTPS should the browser send the session cookie; off for localhost.
    cookie_secure: bool = False
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    max_message_chars: int = Field(default=100_000, ge=100)
    cors_origins: list[str] = Field(default_factory=list)
    # Accounts (by e-mail) that may read the operator pages under /api/admin.
    admin_emails: list[str] = Field(default_factory=list)
    metrics_enabled: bool = True
    # When set, GET /metrics wants "Authorization: Bearer <token>".
    metrics_token: SecretStr | None = None
    # The standard OpenTelemetry variable; tracing is off while it is unset.
    otel_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "otel_endpoint", "NOTETAKER_OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"
        ),
    )

    @model_validator(mode="after")
    def _events_under_redis_prefix(self) -> "Settings":
        if "events_redis_prefix" not in self.model_fields_set:
            self.events_redis_prefix = f"{self.redis_prefix}events:"
        return self

    @field_validator("engines", mode="before")
    @classmethod
    def _split_engines(cls, value: object) -> object:
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        """The plain URLs people copy from elsewhere get the async driver we ship;
        any other driver is refused here, not with a stack trace at start-up."""
        scheme, separator, rest = value.partition("://")
        if not separator:
            raise ValueError("must be a URL such as sqlite+aiosqlite:///./data/app.db")
        scheme = _ASYNC_DRIVERS.get(scheme, scheme)
        if scheme not in _ASYNC_DRIVERS.values():
            raise ValueError(
                f"unsupported database driver {scheme!r}: use sqlite+aiosqlite:// "
                "or postgresql+asyncpg://"
            )
        return f"{scheme}://{rest}"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The database file, or None for PostgreSQL and in-memory SQLite."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split("///", 1)[-1]
        return None if path in ("", ":memory:") else Path(path)


def mask_url_password(value: str) -> str:
    """The URL with the password in its user part replaced by ***."""
    parts = urlsplit(value)
    if not parts.netloc or parts.password is None:
        return value
    userinfo, _, host = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def shown_settings(settings: Settings) -> dict[str, str]:
    """Every setting as text fit to print: secret fields are masked (SecretStr
    shows as stars) and so is any password inside a URL."""
    return {
        name: mask_url_password(value) if isinstance(value, str) else str(value)
        for name, value in settings.model_dump().items()
    }


@lru_cache
def get_settings() -> Settings:
    return Settings()
