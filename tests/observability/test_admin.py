"""GET /api/admin/performance: the rolling report, for operators only."""

from tests.factories import register


async def test_read_performance_as_operator(client, operator):
    account = await register(client)
    for _ in range(3):
        assert (await account.get("/api/notes")).status_code == 200
    conversation = (await account.post("/api/conversations", json={})).json()
    await account.post(
        f"/api/conversations/{conversation['id']}/message",
        json={"content": "remind me to book the train tickets on Friday"},
    )

    response = await operator.get("/api/admin/performance")

    assert response.status_code == 200
    report = response.json()
    routes = {(r["method"], r["route"]): r for r in report["routes"]}
    notes = routes[("GET", "/api/notes")]
    assert notes["requests"] >= 3
    assert notes["latency_ms"]["p50"] <= notes["latency_ms"]["p99"]
    assert notes["throughput"] > 0
    assert ("POST", "/api/conversations/{conversation_id}/message") in routes
    assert {e["engine"] for e in report["engines"]} >= {"local"}
    assert "SELECT" in {q["operation"] for q in report["queries"]}
    assert report["window_seconds"] == 300
    assert sum(p["requests"] for p in report["series"]) == report["requests"]


async def test_hide_performance_from_non_operator(client):
    account = await register(client)

    response = await account.get("/api/admin/performance")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_refuse_performance_without_login(client):
    response = await client.get("/api/admin/performance")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
