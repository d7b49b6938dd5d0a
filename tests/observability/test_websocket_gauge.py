"""The WebSocket gauge counts accepted sockets while they are open."""

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from notetaker.api.deps import SESSION_COOKIE
from notetaker.app import create_app
from notetaker.core.config import Settings

GAUGE = "notetaker_websocket_connections"


@pytest.fixture
def live(observed_settings: Settings) -> Iterator[TestClient]:
    # TestClient runs the app on an event loop of its own: an app of its own too.
    with TestClient(create_app(observed_settings)) as client:
        yield client


def _token(client: TestClient) -> str:
    email = f"gauge-{uuid.uuid4().hex[:12]}@example.com"
    body = {"email": email, "password": "a long password"}
    response = client.post("/api/auth/register", json=body)
    assert response.status_code == 201
    client.cookies.clear()
    return response.json()["token"]


def test_count_open_websockets(live):
    cookie = {"cookie": f"{SESSION_COOKIE}={_token(live)}"}
    before = REGISTRY.get_sample_value(GAUGE)

    with live.websocket_connect("/api/ws", headers=cookie) as socket:
        socket.receive_json()
        during = REGISTRY.get_sample_value(GAUGE)

    assert during == before + 1
    assert REGISTRY.get_sample_value(GAUGE) == before
