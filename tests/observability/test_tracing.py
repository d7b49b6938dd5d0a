"""One trace per request: request → orchestrator → engine, with database spans."""

from opentelemetry.trace import SpanKind

from tests.factories import register

ROUTE = "/api/conversations/{conversation_id}/message"


def _children(spans, parent) -> list:
    return [s for s in spans if s.parent and s.parent.span_id == parent.context.span_id]


async def test_trace_message_from_request_to_database(app, client, spans):
    account = await register(client)
    conversation = (await account.post("/api/conversations", json={})).json()
    app.state.login_cache.forget_user(account.user["id"])
    spans.clear()

    response = await account.post(
        f"/api/conversations/{conversation['id']}/message",
        json={"content": "remind me to renew the passport next Monday"},
    )

    assert response.status_code == 200
    finished = spans.get_finished_spans()
    (root,) = [s for s in finished if s.parent is None]
    assert root.name == f"POST {ROUTE}"
    assert root.kind == SpanKind.SERVER
    assert root.attributes["http.route"] == ROUTE
    assert root.attributes["http.response.status_code"] == 200
    assert {s.context.trace_id for s in finished} == {root.context.trace_id}

    (orchestrator,) = [
        s for s in _children(finished, root) if s.name.startswith("orch")
    ]
    assert orchestrator.name == "orchestrator.handle_message"
    (engine,) = [
        s for s in _children(finished, orchestrator) if s.name.startswith("eng")
    ]
    assert engine.name == "engine.understand"
    assert engine.attributes["ai.engine"] == "local"

    below_orchestrator = {s.name for s in _children(finished, orchestrator)}
    assert {"db BEGIN", "db SELECT", "db INSERT", "db UPDATE"} <= below_orchestrator
    # The caller's login (forgotten above) is looked up before the orchestrator.
    assert "db SELECT" in {s.name for s in _children(finished, root)}


async def test_trace_marks_server_error(app, client, spans):
    from notetaker.api.deps import get_now

    account = await register(client)

    def broken_clock():
        raise RuntimeError("clock unavailable")

    app.dependency_overrides[get_now] = broken_clock
    spans.clear()

    assert (await account.get("/api/dashboard")).status_code == 500

    (root,) = [s for s in spans.get_finished_spans() if s.parent is None]
    assert root.name == "GET /api/dashboard"
    assert root.attributes["http.response.status_code"] == 500
    assert not root.status.is_ok
