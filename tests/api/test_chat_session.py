"""A whole conversation through HTTP, checked field by field in the stored data.

The clock is pinned to Friday 4 December 2026, 10:00 in New York (15:00 UTC).
"""

from datetime import UTC, datetime

import pytest

from notetaker.api.deps import get_now
from tests.factories import Account, register

NOW = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


@pytest.fixture
async def ny(app, client) -> Account:
    app.dependency_overrides[get_now] = lambda: NOW
    return await register(client, timezone="America/New_York")


async def _say(account: Account, conversation_id: int, text: str) -> dict:
    response = await account.post(
        f"/api/conversations/{conversation_id}/message", json={"content": text}
    )
    assert response.status_code == 200, response.text
    exchange = response.json()
    assert exchange["assistant_message"]["status"] == "ok", exchange
    return exchange


async def _tasks_by_title(account: Account) -> dict[str, dict]:
    page = (await account.get("/api/tasks", params={"limit": 200})).json()
    return {task["title"]: task for task in page["items"]}


async def test_send_messages_everyday_session(ny: Account):
    conversation = (await ny.post("/api/conversations", json={})).json()
    cid = conversation["id"]

    greeting = await _say(ny, cid, "Hi there!")
    assert greeting["assistant_message"]["intent"] == "chit_chat"
    assert greeting["tasks"] == [] and greeting["notes"] == []

    dentist = await _say(
        ny, cid, "Remind me to call the dentist next Friday at 3pm, it's urgent"
    )
    assert dentist["assistant_message"]["intent"] == "task"
    assert [t["title"] for t in dentist["tasks"]] == ["Call the dentist"]
    assert {s["kind"] for s in dentist["thinking"]} >= {"classify", "extract", "store"}

    await _say(ny, cid, "I need to buy milk tomorrow")
    await _say(ny, cid, "Submit the expense report by Monday")
    await _say(ny, cid, "Water the plants every Monday at 9am")
    await _say(ny, cid, "Call Mark about the budget in 2 hours")
    await _say(ny, cid, "Book flights to Lisbon, high priority")
    await _say(ny, cid, "Email May the slides at 6pm")
    await _say(ny, cid, "Pick up the dry cleaning at 9am")

    wifi = await _say(ny, cid, "Note: the office wifi password is on the fridge")
    assert wifi["assistant_message"]["intent"] == "note"
    assert len(wifi["notes"]) == 1 and wifi["tasks"] == []
    assert "fridge" in wifi["notes"][0]["body"]

    dump = await _say(
        ny,
        cid,
        "Brain dump for next week:\n"
        "- The marketing plan needs a new budget.\n"
        "- Ask Priya for the Q3 numbers by Wednesday.\n"
        "- Renew my passport.\n"
        "- The team offsite is in March and we decided on Porto.\n"
        "- Book the venue for the offsite.",
    )
    assert dump["assistant_message"]["intent"] == "brain_dump"
    assert len(dump["notes"]) == 1
    assert "Porto" in dump["notes"][0]["body"]
    dump_titles = {t["title"] for t in dump["tasks"]}
    assert {"Ask Priya for the Q3 numbers", "Renew my passport"} <= dump_titles

    week = await _say(ny, cid, "What's due this week?")
    assert week["assistant_message"]["intent"] == "question"
    answered = {s["title"] for s in week["sources"]}
    assert {"Buy milk", "Call Mark about the budget"} <= answered
    assert "Call the dentist" not in answered
    assert "Buy milk" in week["assistant_message"]["content"]

    done = await _say(ny, cid, "Mark the dentist task done")
    assert done["assistant_message"]["intent"] == "task_update"
    assert [(t["title"], t["status"]) for t in done["tasks"]] == [
        ("Call the dentist", "done")
    ]

    moved = await _say(ny, cid, "Move the expense report to Tuesday")
    assert moved["assistant_message"]["intent"] == "task_update"

    recall = await _say(ny, cid, "What did I note about the wifi?")
    assert recall["assistant_message"]["intent"] == "question"
    assert [s["type"] for s in recall["sources"]] == ["note"]

    await _say(ny, cid, "Delete the milk task")
    thanks = await _say(ny, cid, "Thanks!")
    assert thanks["assistant_message"]["intent"] == "chit_chat"

    tasks = await _tasks_by_title(ny)
    expected = {
        # title: (due_local, priority, status, recurrence)
        "Call the dentist": ("2026-12-11T15:00:00-05:00", 1, "done", None),
        "Submit the expense report": ("2026-12-08", 4, "todo", None),
        "Water the plants": (
            "2026-12-07T09:00:00-05:00",
            4,
            "todo",
            "FREQ=WEEKLY;BYDAY=MO",
        ),
        "Call Mark about the budget": ("2026-12-04T12:00:00-05:00", 4, "todo", None),
        "Book flights to Lisbon": (None, 2, "todo", None),
        "Email May the slides": ("2026-12-04T18:00:00-05:00", 4, "todo", None),
        "Pick up the dry cleaning": ("2026-12-05T09:00:00-05:00", 4, "todo", None),
        "Ask Priya for the Q3 numbers": ("2026-12-09", 4, "todo", None),
    }
    for title, (due_local, priority, status, recurrence) in expected.items():
        task = tasks[title]
        assert task["due_local"] == due_local, title
        assert task["priority"] == priority, title
        assert task["status"] == status, title
        assert task["recurrence"] == recurrence, title
        assert task["timezone"] == "America/New_York", title
    assert "Buy milk" not in tasks
    assert tasks["Call the dentist"]["completed_at"] is not None

    notes = (await ny.get("/api/notes")).json()
    assert notes["total"] == 2

    history = (
        await ny.get(f"/api/conversations/{cid}/messages", params={"limit": 200})
    ).json()
    assert len(history["items"]) == 2 * 17
    assert history["next_cursor"] is None


async def test_send_messages_status_count_and_follow_up(ny: Account):
    cid = (await ny.post("/api/conversations", json={})).json()["id"]

    none = await _say(ny, cid, "how many tasks do I have")
    assert none["assistant_message"]["content"] == "You have no open tasks."
    await _say(ny, cid, "remind me to call Ana tomorrow at 3pm")
    await _say(ny, cid, "buy milk on Friday")
    two = await _say(ny, cid, "how many tasks do I have")
    assert two["assistant_message"]["content"] == "You have 2 open tasks."

    await _say(ny, cid, "mark call Ana as in progress")
    assert (await _tasks_by_title(ny))["Call Ana"]["status"] == "in_progress"
    one = await _say(ny, cid, "how many tasks are overdue")
    assert one["assistant_message"]["content"] == "No open tasks are overdue."

    # "it" is the task the previous reply was about.
    await _say(ny, cid, "mark it done")
    tasks = await _tasks_by_title(ny)
    assert tasks["Call Ana"]["status"] == "done"
    assert tasks["Buy milk"]["status"] == "todo"
