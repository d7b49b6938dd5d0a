"""Completing a recurring task creates its next occurrence once, however often it is
re-opened and completed again."""

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

from notetaker.engines.base import Intent, Plan, TaskDraft
from tests.engine_doubles import PlanEngine, engine_in_use
from tests.factories import Account


async def _daily_task(account: Account) -> dict:
    response = await account.post(
        "/api/tasks",
        json={
            "title": "Water the plants",
            "due_at": "2027-05-03T08:00:00Z",
            "recurrence": "FREQ=DAILY",
        },
    )
    assert response.status_code == 201
    return response.json()


async def _titled(account: Account, title: str) -> list[dict]:
    page = (await account.get("/api/tasks", params={"q": title})).json()
    return page["items"]


async def test_update_task_recomplete_recurring_schedules_next_once(account: Account):
    task = await _daily_task(account)
    url = f"/api/tasks/{task['id']}"

    for status in ("done", "todo", "done", "in_progress", "done"):
        assert (await account.patch(url, json={"status": status})).status_code == 200

    tasks = await _titled(account, "Water the plants")
    assert len(tasks) == 2
    (following,) = [t for t in tasks if t["id"] != task["id"]]
    assert following["status"] == "todo"
    assert following["due_at"] == "2027-05-04T08:00:00Z"


async def test_update_task_recomplete_after_next_deleted_schedules_again(
    account: Account,
):
    task = await _daily_task(account)
    url = f"/api/tasks/{task['id']}"
    await account.patch(url, json={"status": "done"})
    (following,) = [
        t for t in await _titled(account, "Water the plants") if t["id"] != task["id"]
    ]

    await account.delete(f"/api/tasks/{following['id']}")
    await account.patch(url, json={"status": "todo"})
    await account.patch(url, json={"status": "done"})

    tasks = await _titled(account, "Water the plants")
    assert sorted(t["status"] for t in tasks) == ["done", "todo"]


async def _create(account: Account, rule: str, due_at: str) -> httpx.Response:
    body = {"title": "Rare chore", "due_at": due_at, "recurrence": rule}
    return await account.post("/api/tasks", json=body)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYDAY=+53MO",
        "FREQ=YEARLY;BYDAY=-99FR",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2",
        # 2026-12-10 is a Thursday: stepping 7 days never lands on a Monday.
        "FREQ=DAILY;INTERVAL=7;BYDAY=MO",
        # The next leap day on a Monday is in 2044.
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
    ],
)
async def test_create_task_recurrence_never_occurring_invalid(
    account: Account, rule: str
):
    response = await _create(account, rule, "2026-12-10T10:00:00Z")

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["message"]


async def test_update_task_recurrence_never_occurring_invalid(account: Account):
    task = await _daily_task(account)
    url = f"/api/tasks/{task['id']}"

    refused = await account.patch(url, json={"recurrence": "FREQ=MONTHLY;BYDAY=6MO"})
    # Due on 2027-05-03: every 4 years from 2027 is never a leap year.
    rule = "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29"
    moved = await account.patch(url, json={"recurrence": rule})

    assert refused.status_code == moved.status_code == 422
    assert "10 years" in moved.json()["error"]["message"]
    assert (await account.get(url)).json()["recurrence"] == "FREQ=DAILY"


async def test_update_task_complete_sparse_recurrence_schedules_next(account: Account):
    # 2026-12-14 is a Monday, so every 7 days is a Monday too.
    created = await _create(
        account, "FREQ=DAILY;INTERVAL=7;BYDAY=MO", "2026-12-14T10:00:00Z"
    )
    assert created.status_code == 201
    task = created.json()

    done = await account.patch(f"/api/tasks/{task['id']}", json={"status": "done"})

    assert done.status_code == 200
    (following,) = [
        t for t in await _titled(account, "Rare chore") if t["id"] != task["id"]
    ]
    assert following["due_at"] == "2026-12-21T10:00:00Z"


async def test_update_task_complete_concurrently_schedules_next_once(
    account: Account,
):
    task = await _daily_task(account)
    url = f"/api/tasks/{task['id']}"

    responses = await asyncio.gather(
        *(account.patch(url, json={"status": "done"}) for _ in range(8))
    )

    assert [r.status_code for r in responses] == [200] * 8
    assert {r.json()["status"] for r in responses} == {"done"}
    tasks = await _titled(account, "Water the plants")
    assert sorted(t["status"] for t in tasks) == ["done", "todo"]


async def test_send_message_task_recurrence_invalid_stores_nothing(
    app: FastAPI, account: Account
):
    rare = TaskDraft(  # a rule the API would refuse
        title="Rare chore",
        due_at=datetime(2026, 12, 10, 10, tzinfo=UTC),
        recurrence="FREQ=MONTHLY;BYDAY=+53MO",
    )
    plan = Plan(intent=Intent.TASK, reply="ok", tasks=[rare])
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    with engine_in_use(app, PlanEngine(plan)):
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": "rare chore"}
        )

    assert response.json()["assistant_message"]["status"] == "failed"
    assert await _titled(account, "Rare chore") == []
