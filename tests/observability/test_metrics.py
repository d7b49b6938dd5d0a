"""The Prometheus series: route templates as labels, failures counted."""

import pytest
from prometheus_client import REGISTRY
from pydantic import SecretStr

from notetaker.api.deps import get_now
from tests.factories import register

TOKEN = SecretStr("s3cret-token")


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _label_values(name: str, label: str) -> set[str]:
    return {
        sample.labels[label]
        for metric in REGISTRY.collect()
        for sample in metric.samples
        if sample.name == name
    }


async def test_count_requests_by_route_template(client):
    account = await register(client)
    template = "/api/notes/{note_id}"
    labels = {"method": "GET", "route": template, "status": "404"}
    before = _sample("notetaker_http_requests_total", **labels)

    for note_id in (424242, 434343):
        response = await account.get(f"/api/notes/{note_id}")
        assert response.status_code == 404

    assert _sample("notetaker_http_requests_total", **labels) == before + 2
    routes = _label_values("notetaker_http_requests_total", "route")
    assert template in routes
    assert not any(route.startswith("/api/notes/4") for route in routes)


async def test_count_latency_by_route_template(client):
    account = await register(client)
    labels = {"method": "GET", "route": "/api/tasks"}
    before = _sample("notetaker_http_request_duration_seconds_count", **labels)

    assert (await account.get("/api/tasks?q=anything")).status_code == 200

    after = _sample("notetaker_http_request_duration_seconds_count", **labels)
    assert after == before + 1


async def test_count_unmatched_paths_under_one_label(client):
    labels = {"method": "DELETE", "route": "unmatched", "status": "405"}
    before = _sample("notetaker_http_requests_total", **labels)

    for path in ("/no/such/path/123", "/another/unknown/path"):
        assert (await client.delete(path)).status_code == 405

    assert _sample("notetaker_http_requests_total", **labels) == before + 2
    routes = _label_values("notetaker_http_requests_total", "route")
    assert not any(route.startswith(("/no/", "/another/")) for route in routes)


async def test_count_error_when_handler_raises(app, client):
    account = await register(client)

    def broken_clock():
        raise RuntimeError("clock unavailable")

    app.dependency_overrides[get_now] = broken_clock
    route = "/api/dashboard"
    before_requests = _sample(
        "notetaker_http_requests_total", method="GET", route=route, status="500"
    )
    before_exceptions = _sample(
        "notetaker_http_exceptions_total",
        method="GET",
        route=route,
        exception="RuntimeError",
    )

    response = await account.get("/api/dashboard")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert _sample(
        "notetaker_http_requests_total", method="GET", route=route, status="500"
    ) == (before_requests + 1)
    assert _sample(
        "notetaker_http_exceptions_total",
        method="GET",
        route=route,
        exception="RuntimeError",
    ) == (before_exceptions + 1)
    assert _sample("notetaker_http_requests_in_flight") == 0


async def test_record_ai_latency_by_engine_and_outcome(client):
    account = await register(client)
    conversation = (await account.post("/api/conversations", json={})).json()
    labels = {"engine": "local", "model": "none", "outcome": "ok"}
    before = _sample("notetaker_ai_request_duration_seconds_count", **labels)

    response = await account.post(
        f"/api/conversations/{conversation['id']}/message",
        json={"content": "remind me to water the plants tomorrow"},
    )

    assert response.status_code == 200
    after = _sample("notetaker_ai_request_duration_seconds_count", **labels)
    assert after == before + 1


async def test_record_database_query_time(client):
    before = _sample("notetaker_db_query_duration_seconds_count", operation="SELECT")

    await register(client)

    after = _sample("notetaker_db_query_duration_seconds_count", operation="SELECT")
    assert after > before


async def test_serve_metrics_in_prometheus_format(client):
    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "notetaker_http_requests_in_flight" in response.text
    assert "notetaker_websocket_connections" in response.text
    assert "# TYPE notetaker_cache_hits_total counter" in response.text


@pytest.mark.parametrize(
    ("changes", "headers", "status"),
    [
        ({"metrics_enabled": False}, {}, 404),
        ({"metrics_token": TOKEN}, {}, 401),
        ({"metrics_token": TOKEN}, {"Authorization": "Bearer wrong"}, 401),
        (
            {"metrics_token": TOKEN},
            {"Authorization": f"Bearer {TOKEN.get_secret_value()}"},
            200,
        ),
    ],
)
async def test_guard_metrics_by_settings(app, client, changes, headers, status):
    original = app.state.settings
    app.state.settings = original.model_copy(update=changes)
    try:
        response = await client.get("/metrics", headers=headers)
    finally:
        app.state.settings = original

    assert response.status_code == status
    if status != 200:
        assert set(response.json()["error"]) == {"code", "message", "details"}
