"""Log lines: JSON with the request's ids bound, and never what users wrote."""

import io
import json
import logging
import uuid
from collections.abc import Iterator

import pytest

from notetaker.core.logging import configure_logging
from notetaker.engines.chain import as_chain
from tests.engine_doubles import HALF_VALID_PLAN, PlanEngine, engine_in_use
from tests.factories import register


@pytest.fixture
def log_lines(app) -> Iterator[io.StringIO]:
    """Everything the app logs during the test, at DEBUG, as the real JSON lines."""
    configure_logging("DEBUG")
    buffer = io.StringIO()
    (handler,) = logging.getLogger().handlers
    handler.setStream(buffer)
    yield buffer
    configure_logging(app.state.settings.log_level)


def _entries(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


async def _chat(account, text: str) -> dict:
    conversation = (await account.post("/api/conversations", json={})).json()
    response = await account.post(
        f"/api/conversations/{conversation['id']}/message", json={"content": text}
    )
    assert response.status_code == 200
    return conversation


async def test_log_no_message_or_note_text(client, log_lines):
    secret = f"zebra-{uuid.uuid4().hex}"
    account = await register(client)

    await _chat(account, f"remind me to feed the {secret} tomorrow at 9am")
    await _chat(account, f"note: the {secret} lives in the garden shed")
    await _chat(account, f"what do I know about the {secret}?")
    note = await account.post(
        "/api/notes", json={"title": f"About {secret}", "body": f"{secret} facts"}
    )
    await account.patch(f"/api/notes/{note.json()['id']}", json={"body": secret})
    await account.get(f"/api/notes?q={secret}")
    await account.get(f"/api/tasks?q={secret}")
    await account.post("/api/notes", json={"title": secret, "pinned": "not a bool"})

    output = log_lines.getvalue()
    assert "request.completed" in output
    assert "message.processed" in output
    assert secret not in output


async def test_bind_request_user_and_conversation_ids(client, log_lines):
    account = await register(client)

    conversation = await _chat(account, "remind me to call mum on Sunday")

    processed = [e for e in _entries(log_lines) if e["event"] == "message.processed"]
    (entry,) = processed
    assert entry["user_id"] == account.user["id"]
    assert entry["conversation_id"] == conversation["id"]
    assert len(entry["request_id"]) == 32
    completed = [
        e
        for e in _entries(log_lines)
        if e["event"] == "request.completed" and e["request_id"] == entry["request_id"]
    ]
    assert completed[0]["route"] == "/api/conversations/{conversation_id}/message"
    assert completed[0]["user_id"] == account.user["id"]


async def test_echo_request_id_from_caller(client, log_lines):
    response = await client.get("/api/health", headers={"X-Request-ID": "trace-42.a"})

    assert response.headers["X-Request-ID"] == "trace-42.a"
    (entry,) = [e for e in _entries(log_lines) if e["event"] == "request.completed"]
    assert entry["request_id"] == "trace-42.a"


@pytest.mark.parametrize("given", ["", "has spaces", "x" * 129, "semi;colon"])
async def test_replace_request_id_when_unsafe(client, given):
    response = await client.get("/api/health", headers={"X-Request-ID": given})

    returned = response.headers["X-Request-ID"]
    assert returned != given
    assert len(returned) == 32


async def test_redact_text_fields_passed_to_a_logger(log_lines):
    logging.getLogger("notetaker.test").info(
        "note.saved", extra={"note_id": 7, "body": "private words"}
    )

    (entry,) = _entries(log_lines)
    assert entry["note_id"] == 7
    assert entry["body"] == "[redacted]"


async def test_log_failure_keeps_stack_without_exception_message(
    app, client, log_lines
):
    secret = f"okapi-{uuid.uuid4().hex}"

    class QuotingEngine:
        """Fails the way validation errors do: quoting the input it refused."""

        name = "local"
        history_messages = 0

        def understand(self, message):
            raise ValueError(f"cannot read {message.text!r}")

    account = await register(client)
    chain = as_chain(app.state.engine)
    working, chain.fallback = chain.fallback, QuotingEngine()
    try:
        await _chat(account, f"remind me about {secret}")
    finally:
        chain.fallback = working

    assert secret not in log_lines.getvalue()
    (failure,) = [e for e in _entries(log_lines) if e["event"] == "message.failed"]
    assert failure["error"] == "ValueError"
    assert "understand" in failure["stack"]


async def test_log_change_once_stored_never_when_rolled_back(app, client, log_lines):
    account = await register(client)

    await _chat(account, "remind me to call mum on Sunday")
    with engine_in_use(app, PlanEngine(HALF_VALID_PLAN)):
        await _chat(account, "do things")  # creates a task, then fails: rolled back

    created = [e for e in _entries(log_lines) if e["event"] == "task.created"]
    tasks = (await account.get("/api/tasks")).json()["items"]
    assert [entry["task_id"] for entry in created] == [task["id"] for task in tasks]
    assert [task["title"] for task in tasks] == ["Call mum"]
