"""The reply streams to the browser over the live channel while the model writes it."""

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from notetaker.api.deps import SESSION_COOKIE
from notetaker.app import create_app
from notetaker.core.config import Settings
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour, FakeProvider


@pytest.fixture
def live(migrated_settings: Settings, fake: FakeProvider) -> Iterator[TestClient]:
    settings = migrated_settings.model_copy(
        update={"engines": ["ollama"], "ollama_url": fake.url}
    )
    # TestClient runs the app on its own event loop, so the app is built here.
    with TestClient(create_app(settings)) as client:
        yield client


def _sign_up(client: TestClient) -> str:
    email = f"stream-{uuid.uuid4().hex[:12]}@example.com"
    body = {"email": email, "password": "a long password"}
    response = client.post("/api/auth/register", json=body)
    assert response.status_code == 201
    client.cookies.clear()
    return response.json()["token"]


def test_stream_reply_deltas_over_websocket(live: TestClient, fake: FakeProvider):
    fake.reset(Behaviour(chunk_size=6))
    token = _sign_up(live)
    auth = {"Authorization": f"Bearer {token}"}
    cid = live.post("/api/conversations", json={}, headers=auth).json()["id"]

    cookie = {"cookie": f"{SESSION_COOKIE}={token}"}
    with live.websocket_connect("/api/ws", headers=cookie) as socket:
        assert socket.receive_json()["type"] == "session.ready"
        live.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to call the dentist"},
            headers=auth,
        )
        events = [socket.receive_json()]
        while not (
            events[-1]["type"] == "message.created"
            and events[-1]["data"]["role"] == "assistant"
        ):
            events.append(socket.receive_json())

    user_message = events[0]["data"]
    assert events[0]["type"] == "message.created" and user_message["role"] == "user"
    deltas = [e["data"] for e in events if e["type"] == "reply.delta"]
    assert {d["message_id"] for d in deltas} == {user_message["id"]}
    assert "".join(d["text"] for d in deltas) == GOOD_PLAN["reply"]
    assert [d["offset"] for d in deltas] == sorted(d["offset"] for d in deltas)


def test_stream_thinking_steps_over_websocket(live: TestClient, fake: FakeProvider):
    token = _sign_up(live)
    auth = {"Authorization": f"Bearer {token}"}
    cid = live.post("/api/conversations", json={}, headers=auth).json()["id"]

    cookie = {"cookie": f"{SESSION_COOKIE}={token}"}
    with live.websocket_connect("/api/ws", headers=cookie) as socket:
        assert socket.receive_json()["type"] == "session.ready"
        exchange = live.post(
            f"/api/conversations/{cid}/message",
            json={"content": "remind me to call the dentist"},
            headers=auth,
        ).json()
        events = [socket.receive_json()]
        while events[-1]["type"] != "message.created" or (
            events[-1]["data"]["role"] != "assistant"
        ):
            events.append(socket.receive_json())

    steps = [e["data"] for e in events if e["type"] == "thinking.step"]
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert [(s["kind"], s["label"]) for s in steps] == [
        (s["kind"], s["label"]) for s in exchange["thinking"]
    ]
    assert {s["conversation_id"] for s in steps} == {cid}
