"""Sign-in and sign-up limits: per e-mail, per client address, across processes."""

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI

from notetaker.app import create_app
from notetaker.core.config import Settings

PASSWORD = "correct horse battery"
_addresses = (f"192.0.2.{n}" for n in itertools.count(1))


def _email() -> str:
    return f"limited-{uuid.uuid4().hex[:12]}@example.com"


@pytest.fixture
async def make_client() -> AsyncIterator[Callable[..., httpx.AsyncClient]]:
    """Clients of a given app seen as coming from a given address (no traffic
    leaves the process: the address is only what the app is told)."""
    opened: list[httpx.AsyncClient] = []

    def make(app: FastAPI, address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 50000))
        client = httpx.AsyncClient(transport=transport, base_url="http://test")
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()


@pytest.fixture
async def strict_apps(migrated_settings: Settings) -> AsyncIterator[list[FastAPI]]:
    """Two apps on the suite's database with small limits: two worker processes."""
    settings = migrated_settings.model_copy(
        update={"auth_failures_per_ip": 3, "auth_failures_per_email": 10}
    )
    apps = [create_app(settings), create_app(settings)]
    yield apps
    for app in apps:
        await app.state.database.dispose()


async def _sign_up(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(
        "/api/auth/register", json={"email": email, "password": PASSWORD}
    )


async def _sign_in(
    client: httpx.AsyncClient, email: str, password: str = "wrong password"
) -> httpx.Response:
    return await client.post(
        "/api/auth/login", json={"email": email, "password": password}
    )


async def test_login_limited_per_email(app, make_client):
    email = _email()
    client = make_client(app, next(_addresses))
    assert (await _sign_up(client, email)).status_code == 201

    statuses = [(await _sign_in(client, email)).status_code for _ in range(10)]
    refused = await _sign_in(client, email, PASSWORD)

    assert statuses == [401] * 10
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_requests"
    retry_after = int(refused.headers["Retry-After"])
    assert 1 <= retry_after <= 2 * 900
    assert refused.json()["error"]["details"] == {"retry_after": retry_after}
    assert len(refused.headers["X-Request-ID"]) == 32


async def test_login_limit_spares_other_emails(app, make_client):
    client = make_client(app, next(_addresses))
    locked, other = _email(), _email()
    assert (await _sign_up(client, other)).status_code == 201
    for _ in range(11):
        await _sign_in(client, locked)

    response = await _sign_in(client, other, PASSWORD)

    assert response.status_code == 200


async def test_login_success_not_counted(app, make_client):
    email = _email()
    client = make_client(app, next(_addresses))
    assert (await _sign_up(client, email)).status_code == 201

    for _ in range(9):
        assert (await _sign_in(client, email)).status_code == 401
    for _ in range(5):
        assert (await _sign_in(client, email, PASSWORD)).status_code == 200

    assert (await _sign_in(client, email)).status_code == 401
    assert (await _sign_in(client, email)).status_code == 429


async def test_login_burst_cannot_pass_limit(app, make_client):
    email = _email()
    client = make_client(app, next(_addresses))

    responses = await asyncio.gather(*(_sign_in(client, email) for _ in range(16)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [401] * 10 + [429] * 6


async def test_auth_failures_limited_per_address(strict_apps, make_client):
    address = next(_addresses)
    client = make_client(strict_apps[0], address)
    taken = _email()
    assert (await _sign_up(client, taken)).status_code == 201

    assert (await _sign_in(client, _email())).status_code == 401
    assert (await _sign_up(client, taken)).status_code == 409
    assert (await _sign_in(client, _email())).status_code == 401
    refused = await _sign_up(client, _email())

    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    elsewhere = make_client(strict_apps[0], next(_addresses))
    assert (await _sign_up(elsewhere, _email())).status_code == 201


async def test_auth_limit_shared_between_processes(strict_apps, make_client):
    address = next(_addresses)
    first, second = (make_client(app, address) for app in strict_apps)

    for _ in range(3):
        assert (await _sign_in(first, _email())).status_code == 401

    assert (await _sign_in(second, _email())).status_code == 429


async def test_successful_sign_ups_not_counted(strict_apps, make_client):
    client = make_client(strict_apps[0], next(_addresses))

    statuses = [(await _sign_up(client, _email())).status_code for _ in range(5)]

    assert statuses == [201] * 5
