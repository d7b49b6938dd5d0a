"""Completing a recurring task creates its next occurrence once, however often it is
re-opened and completed again."""

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
