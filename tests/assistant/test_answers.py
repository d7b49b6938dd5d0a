"""Answers to questions about the user's own tasks and notes, through the chat."""

from datetime import UTC, datetime, time, timedelta

import pytest

from tests.factories import Account


async def _ask(account: Account, question: str) -> str:
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    response = await account.post(
        f"/api/conversations/{cid}/message", json={"content": question}
    )
    return response.json()["assistant_message"]["content"]


async def _task(account: Account, title: str, priority: int, **fields) -> None:
    body = {"title": title, "priority": priority, **fields}
    assert (await account.post("/api/tasks", json=body)).status_code == 201


async def _note(account: Account, title: str, *, archived: bool = False) -> int:
    response = await account.post("/api/notes", json={"title": title})
    assert response.status_code == 201
    note_id = response.json()["id"]
    if archived:
        archive = {"archived": True}
        assert (await account.patch(f"/api/notes/{note_id}", json=archive)).is_success
    return note_id


async def _priorities(account: Account, other_account: Account) -> None:
    await _task(account, "Fix the leak", 1)
    await _task(account, "Renew the passport", 2)
    await _task(account, "Water the plants", 4)
    await _task(account, "Pay the fine", 1, status="done")
    await _task(other_account, "Their own emergency", 1)


async def test_ask_urgent_tasks_lists_own_open_urgent_tasks(
    account: Account, other_account: Account
):
    await _priorities(account, other_account)

    reply = await _ask(account, "show me my urgent tasks")

    assert reply.startswith("Your open tasks at priority 1:")
    assert "Fix the leak" in reply
    for other in ("Renew", "Water", "Pay the fine", "Their own", "found"):
        assert other not in reply


async def test_ask_high_priority_tasks_lists_priority_1_and_2(
    account: Account, other_account: Account
):
    await _priorities(account, other_account)

    reply = await _ask(account, "what are my high priority tasks")

    assert reply.startswith("Your open tasks at priority 1-2:")
    assert "Fix the leak" in reply and "Renew the passport" in reply
    assert "Water" not in reply and "Their own" not in reply


async def test_ask_count_of_urgent_tasks(account: Account, other_account: Account):
    await _priorities(account, other_account)

    reply = await _ask(account, "how many urgent tasks do I have?")

    assert reply == "You have 1 open task at priority 1."


async def test_ask_urgent_tasks_when_none(account: Account):
    await _task(account, "Water the plants", 4)

    reply = await _ask(account, "list urgent tasks")

    assert reply == "You have no open tasks at priority 1."


@pytest.mark.parametrize(
    "question", ["show me low priority tasks", "list my low priority tasks"]
)
async def test_ask_low_priority_tasks_lists_own_open_priority_4_tasks(
    account: Account, other_account: Account, question: str
):
    await _priorities(account, other_account)
    await _task(other_account, "Their own chore", 4)

    reply = await _ask(account, question)

    assert reply.startswith("Your open tasks at priority 4:")
    assert "Water the plants" in reply
    for other in ("Fix the leak", "Renew", "Their own", "found"):
        assert other not in reply


async def test_ask_medium_priority_tasks_lists_priority_3_only(
    account: Account, other_account: Account
):
    await _priorities(account, other_account)
    await _task(account, "Sort the photos", 3)

    reply = await _ask(account, "what are my medium priority tasks?")

    assert reply.startswith("Your open tasks at priority 3:")
    assert "Sort the photos" in reply
    assert "Fix the leak" not in reply and "Water" not in reply


async def test_ask_due_tomorrow_heads_answer_with_the_one_day(account: Account):
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    due = datetime.combine(tomorrow, time(12), UTC).isoformat()
    await _task(account, "Post the parcel", 4, due_at=due)

    reply = await _ask(account, "what is due tomorrow?")

    assert reply.startswith(f"Due {tomorrow:%a %d %b}:\n")
    assert "Post the parcel" in reply


async def test_ask_list_of_notes_lists_own_unarchived_notes(
    account: Account, other_account: Account
):
    trip = await _note(account, "Trip ideas")
    recipe = await _note(account, "Pancake recipe")
    await _note(account, "Old plans", archived=True)
    await _note(other_account, "Their diary")

    reply = await _ask(account, "list my notes")

    assert reply.startswith("Your latest notes:")
    assert f"(/notes/{trip})" in reply and f"(/notes/{recipe})" in reply
    assert "Old plans" not in reply and "Their diary" not in reply


async def test_ask_list_of_notes_when_none(account: Account, other_account: Account):
    await _note(other_account, "Their diary")

    reply = await _ask(account, "what notes do I have?")

    assert reply == "You have no notes yet."


async def test_ask_count_of_notes(account: Account, other_account: Account):
    await _note(account, "Trip ideas")
    await _note(account, "Pancake recipe")
    await _note(other_account, "Their diary")

    reply = await _ask(account, "how many notes do I have?")

    assert reply == "You have 2 notes."
