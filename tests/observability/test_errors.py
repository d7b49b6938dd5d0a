"""An unhandled error: one log line, and a 500 that carries the request id."""

import asyncio
import io
import json
import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn

from notetaker.api.deps import get_now
from notetaker.core.logging import configure_logging
from tests.factories import register


@pytest.fixture
def log_lines(app) -> Iterator[io.StringIO]:
    configure_logging("INFO")
    buffer = io.StringIO()
    (handler,) = logging.getLogger().handlers
    handler.setStream(buffer)
    yield buffer
    configure_logging(app.state.settings.log_level)


@pytest.fixture
async def served(app) -> AsyncIterator[str]:
    """The app behind a real uvicorn on a free loopback port, logging as in
    production (`log_config=None`: uvicorn's records go to our handler)."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


def _broken_clock():
    raise RuntimeError("clock unavailable")


async def test_unhandled_error_logged_once_with_request_id(
    app, client, served, log_lines
):
    account = await register(client)
    app.dependency_overrides[get_now] = _broken_clock

    async with httpx.AsyncClient(base_url=served, headers=account.headers) as http:
        response = await http.get("/api/dashboard", headers={"X-Request-ID": "fail-1"})

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert response.headers["X-Request-ID"] == "fail-1"
    entries = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    errors = [e for e in entries if e["level"] in ("error", "critical")]
    assert [e["event"] for e in errors] == ["request.failed"]
    assert errors[0]["request_id"] == "fail-1"
    assert errors[0]["error"] == "RuntimeError"
    assert "_broken_clock" in errors[0]["stack"]


async def test_unhandled_error_not_raised_to_server(app, client):
    account = await register(client)
    app.dependency_overrides[get_now] = _broken_clock
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)

    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/api/dashboard", headers=account.headers)

    assert response.status_code == 500
    assert len(response.headers["X-Request-ID"]) == 32
