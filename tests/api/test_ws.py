"""The live channel: authenticated by the session cookie, scoped to its user."""

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from notetaker.api.deps import SESSION_COOKIE
from notetaker.api.routes import ws
from notetaker.app import create_app
from notetaker.core.config import Settings

# TestClient runs the app on its own event loop, so the app is built here rather
# than shared with the async suite.


@pytest.fixture
def live(migrated_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(migrated_settings)) as client:
        yield client


def _sign_up(client: TestClient) -> str:
    email = f"ws-{uuid.uuid4().hex[:12]}@example.com"
    response = client.post(
        "/api/auth/register", json={"email": email, "password": "a long password"}
    )
    assert response.status_code == 201
    client.cookies.clear()
    return response.json()["token"]


def _connect(client: TestClient, token: str, **headers: str):
    cookie = {"cookie": f"{SESSION_COOKIE}={token}"}
    return client.websocket_connect("/api/ws", headers=cookie | headers)


def _create_task(client: TestClient, token: str, title: str) -> dict:
    response = client.post(
        "/api/tasks",
        json={"title": title},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
    return response.json()


def test_connect_ws_greets_with_user_and_engine(live):
    token = _sign_up(live)

    with _connect(live, token) as socket:
        hello = socket.receive_json()

    assert hello["type"] == "session.ready"
    assert hello["data"]["engine"] == "local"
    assert isinstance(hello["data"]["user_id"], int)


def test_connect_ws_without_cookie_closes_4401(live):
    with live.websocket_connect("/api/ws") as socket:
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()

    assert closed.value.code == ws.CLOSE_UNAUTHENTICATED


def test_connect_ws_with_unknown_token_closes_4401(live):
    with _connect(live, "not-a-real-token") as socket:
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()

    assert closed.value.code == ws.CLOSE_UNAUTHENTICATED


def test_connect_ws_from_foreign_origin_is_refused(live):
    token = _sign_up(live)

    with pytest.raises(WebSocketDisconnect) as refused:
        with _connect(live, token, origin="http://evil.example") as socket:
            socket.receive_json()

    assert refused.value.code == 1008


def test_connect_ws_from_own_origin_is_accepted(live):
    token = _sign_up(live)

    with _connect(live, token, origin="http://testserver") as socket:
        assert socket.receive_json()["type"] == "session.ready"


def test_push_task_events_to_every_tab_of_owner(live):
    token = _sign_up(live)

    with _connect(live, token) as first, _connect(live, token) as second:
        first.receive_json(), second.receive_json()
        task = _create_task(live, token, "Call Ana")

        for tab in (first, second):
            event = tab.receive_json()
            assert event["type"] == "task.created"
            assert event["data"]["id"] == task["id"]
            assert event["data"]["title"] == "Call Ana"


def test_push_events_never_to_another_user(live):
    owner, stranger = _sign_up(live), _sign_up(live)

    with _connect(live, owner) as mine, _connect(live, stranger) as theirs:
        mine.receive_json(), theirs.receive_json()
        _create_task(live, owner, "Owner's secret")
        assert mine.receive_json()["data"]["title"] == "Owner's secret"
        # The stranger's next event is their own: nothing of the owner's came first.
        _create_task(live, stranger, "Stranger's own")
        event = theirs.receive_json()

    assert event["type"] == "task.created"
    assert event["data"]["title"] == "Stranger's own"


def test_close_ws_after_logout(live, monkeypatch):
    monkeypatch.setattr(ws, "RECHECK_SECONDS", 0.05)
    token = _sign_up(live)

    with _connect(live, token) as socket:
        socket.receive_json()
        response = live.post(
            "/api/auth/logout", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 204
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                socket.receive_json()

    assert closed.value.code == ws.CLOSE_UNAUTHENTICATED


def test_close_ws_after_logout_even_while_events_flow(live, monkeypatch):
    monkeypatch.setattr(ws, "RECHECK_SECONDS", 0.3)
    email = f"ws-{uuid.uuid4().hex[:12]}@example.com"
    credentials = {"email": email, "password": "a long password"}
    token = live.post("/api/auth/register", json=credentials).json()["token"]
    other_tab = live.post("/api/auth/login", json=credentials).json()["token"]
    live.cookies.clear()

    with _connect(live, token) as socket:
        socket.receive_json()
        live.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
        with pytest.raises(WebSocketDisconnect) as closed:
            for n in range(200):  # an event every few ms, never a quiet 0.3 s
                _create_task(live, other_tab, f"Busy {n}")
                socket.receive_json()

    assert closed.value.code == ws.CLOSE_UNAUTHENTICATED
    assert n < 199


def test_disconnect_ws_unsubscribes(live):
    token = _sign_up(live)
    hub = live.app.state.events

    with _connect(live, token) as socket:
        user_id = socket.receive_json()["data"]["user_id"]
        assert user_id in hub._queues

    _create_task(live, token, "After the tab closed")
    assert user_id not in hub._queues
