"""GET /api/engine: the understanding engines in the order a message tries them."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from notetaker.app import create_app
from notetaker.core.config import Settings
from tests.factories import Account, register

# Nothing listens here; the route reports state without calling any provider.
UNUSED_URL = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
async def chain_app(migrated_settings: Settings) -> AsyncIterator[FastAPI]:
    settings = migrated_settings.model_copy(
        update={
            "engines": ["ollama", "openai", "local"],
            "ollama_url": UNUSED_URL,
            "openai_base_url": f"{UNUSED_URL}/v1",
            "ollama_small_model": "qwen-small",
            "ollama_large_model": "qwen-large",
            "llm_breaker_failures": 2,
        }
    )
    app = create_app(settings)
    yield app
    await app.state.engine.aclose()
    await app.state.database.dispose()


@pytest.fixture
async def chain_account(chain_app: FastAPI) -> AsyncIterator[Account]:
    transport = httpx.ASGITransport(app=chain_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield await register(client)


async def test_get_engine_signed_out_unauthorized(client: httpx.AsyncClient):
    response = await client.get("/api/engine")

    assert response.status_code == 401


async def test_get_engine_builtin_only(account: Account):
    response = await account.get("/api/engine")

    assert response.status_code == 200
    assert response.json() == {
        "engines": [{"name": "local", "builtin": True, "models": {}, "state": "up"}]
    }


async def test_get_engine_chain_in_order_with_states(
    chain_app: FastAPI, chain_account: Account
):
    openai = chain_app.state.engine.llm[1]
    openai.breaker.record_failure()
    openai.breaker.record_failure()

    response = await chain_account.get("/api/engine")

    engines = response.json()["engines"]
    assert [e["name"] for e in engines] == ["ollama", "openai", "local"]
    assert [e["state"] for e in engines] == ["up", "circuit_open", "up"]
    assert [e["builtin"] for e in engines] == [False, False, True]
    assert engines[0]["models"] == {"small": "qwen-small", "large": "qwen-large"}
    assert set(engines[1]["models"]) == {"small", "large"}
