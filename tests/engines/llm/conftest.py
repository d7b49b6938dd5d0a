import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from notetaker.api.deps import get_now
from notetaker.app import create_app
from notetaker.cache import MemoryCache
from notetaker.core.config import Settings
from notetaker.engines.base import EngineInput, TaskRef
from notetaker.engines.chain import EngineChain, LLMContext
from notetaker.engines.llm.breaker import CircuitBreaker
from notetaker.engines.llm.engine import Limits, LLMEngine
from notetaker.engines.llm.providers import (
    Connection,
    OllamaProvider,
    OpenAIProvider,
)
from notetaker.engines.llm.retry import RetryPolicy
from notetaker.engines.llm.routing import Router
from notetaker.engines.llm.tokens import default_counter
from notetaker.engines.local import LocalEngine
from tests.engines.llm.fake_provider import FakeProvider
from tests.factories import Account, register

LISBON = ZoneInfo("Europe/Lisbon")
# Friday 4 December 2026, 10:00 in Lisbon.
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=LISBON)
PROTOCOLS = ["ollama", "openai"]


def message(
    text: str = "remind me to call the dentist next Friday at 3pm, urgent", **kw
):
    fields = {"now": NOW, "timezone": "Europe/Lisbon"} | kw
    return EngineInput(text=text, **fields)


@pytest.fixture(scope="session")
def server() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def fake(server: FakeProvider) -> FakeProvider:
    server.reset()
    return server


@pytest.fixture
async def closing() -> AsyncIterator[list]:
    """Engines and chains a test builds, closed after it whatever happened."""
    opened: list = []
    yield opened
    for item in opened:
        await item.aclose()


def make_provider(protocol: str, fake: FakeProvider, *, stream: bool = True):
    limits = {"connect_timeout": 1.0, "read_timeout": 1.0, "max_connections": 8}
    if protocol == "ollama":
        return OllamaProvider(Connection(fake.url, **limits), stream=stream)
    return OpenAIProvider(Connection(f"{fake.url}/v1", **limits), stream=stream)


def make_engine(
    protocol: str,
    fake: FakeProvider,
    *,
    stream: bool = True,
    retries: int = 2,
    failures: int = 5,
    request_timeout: float = 1.0,
    max_in_flight: int = 8,
    queue_timeout: float = 2.0,
) -> LLMEngine:
    return LLMEngine(
        make_provider(protocol, fake, stream=stream),
        models={"small": f"{protocol}-small", "large": f"{protocol}-large"},
        breaker=CircuitBreaker(failures=failures, reset_after=60),
        retry=RetryPolicy(retries, base=0.01, cap=0.05),
        limits=Limits(request_timeout, max_in_flight, queue_timeout),
    )


def make_chain(*engines: LLMEngine, deadline: float = 60.0) -> EngineChain:
    router = Router(default_counter(), large_tokens=60, large_lines=3)
    cache = MemoryCache(max_entries=100, ttl=60)
    context = LLMContext(router, cache, 2000, 10, deadline)
    return EngineChain(LocalEngine(), engines, context)


OPEN_TASKS = (TaskRef(7, "Call the dentist"), TaskRef(9, "Write the report"))


# The app with an LLM chain (Ollama, then OpenAI, then built-in) against the fake
# server of both protocols.
BOUND = 30
APP_NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
TEXT = "remind me to call the dentist next Friday at 3pm, it's urgent"


@pytest.fixture(scope="module")
async def llm_app(
    migrated_settings: Settings, server: FakeProvider
) -> AsyncIterator[FastAPI]:
    settings = migrated_settings.model_copy(
        update={
            "engines": ["ollama", "openai", "local"],
            "ollama_url": server.url,
            "openai_base_url": f"{server.url}/v1",
            "llm_request_timeout": 1.0,
            "llm_read_timeout": 1.0,
            "llm_connect_timeout": 1.0,
            "llm_retries": 1,
            "llm_backoff_base": 0.01,
            "llm_backoff_max": 0.05,
            # High, so that the fault tests never open a circuit.
            "llm_breaker_failures": 1000,
        }
    )
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: APP_NOW
    yield app
    await app.state.engine.aclose()
    await app.state.database.dispose()


@pytest.fixture
async def llm_client(llm_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=llm_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture
async def account(llm_client: httpx.AsyncClient, fake: FakeProvider) -> Account:
    return await register(llm_client, timezone="Europe/Lisbon")


@pytest.fixture
async def other_account(llm_client: httpx.AsyncClient) -> Account:
    return await register(llm_client, timezone="Europe/Lisbon")


async def send(account: Account, text: str = TEXT, cid: int | None = None) -> dict:
    """Send `text` (in a new conversation unless `cid`) and return the exchange."""
    if cid is None:
        cid = (await account.post("/api/conversations", json={})).json()["id"]
    async with asyncio.timeout(BOUND):
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": text}
        )
    assert response.status_code == 200, response.text
    return response.json()
