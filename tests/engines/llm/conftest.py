from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from notetaker.cache import MemoryCache
from notetaker.engines.base import EngineInput, TaskRef
from notetaker.engines.chain import EngineChain, LLMContext
from notetaker.engines.llm.breaker import CircuitBreaker
from notetaker.engines.llm.engine import Limits, LLMEngine
from notetaker.engines.llm.providers import OllamaProvider, OpenAIProvider
from notetaker.engines.llm.retry import RetryPolicy
from notetaker.engines.llm.routing import Router
from notetaker.engines.llm.tokens import default_counter
from notetaker.engines.local import LocalEngine
from tests.engines.llm.fake_provider import FakeProvider

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
    timeout = httpx.Timeout(1.0, connect=1.0)
    if protocol == "ollama":
        client = httpx.AsyncClient(base_url=fake.url, timeout=timeout)
        return OllamaProvider(client, stream=stream)
    client = httpx.AsyncClient(base_url=f"{fake.url}/v1", timeout=timeout)
    return OpenAIProvider(client, stream=stream)


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
