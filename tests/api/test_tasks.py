from datetime import UTC, datetime

from notetaker.api.deps import get_now
from tests.factories import Account, register


async def test_create_task_keeps_timezone(client, account: Account):
    lisbon = await register(client, timezone="Europe/Lisbon")

    response = await lisbon.post(
        "/api/tasks",
        json={
            "title": "Call the dentist",
            "due_at": "2027-07-01T15:00:00+01:00",
            "priority": 1,
            "tags": ["health"],
        },
    )

    assert response.status_code == 201
    task = response.json()
    assert task["title"] == "Call the dentist"
    assert task["due_at"] == "2027-07-01T14:00:00Z"
    assert task["due_local"] == "2027-07-01T15:00:00+01:00"
    assert task["timezone"] == "Europe/Lisbon"
    assert (task["priority"], task["status"]) == (1, "todo")
    assert task["tags"] == ["health"]


async def test_create_task_naive_due_invalid(account: Account):
    response = await account.post(
        "/api/tasks", json={"title": "x", "due_at": "2027-07-01T15:00:00"}
    )

    assert response.status_code == 422
    assert (await account.get("/api/tasks")).json()["total"] == 0


async def test_create_task_priority_out_of_range(account: Account):
    response = await account.post("/api/tasks", json={"title": "x", "priority": 5})

    assert response.status_code == 422


async def test_create_task_bad_recurrence(account: Account):
    response = await account.post(
        "/api/tasks", json={"title": "x", "recurrence": "FREQ=SOMETIMES"}
    )

    assert response.status_code == 422


async def test_update_task_done_sets_completed_at(account: Account):
    task = (await account.post("/api/tasks", json={"title": "x"})).json()

    done = (
        await account.patch(f"/api/tasks/{task['id']}", json={"status": "done"})
    ).json()
    reopened = (
        await account.patch(f"/api/tasks/{task['id']}", json={"status": "todo"})
    ).json()

    assert done["status"] == "done"
    assert done["completed_at"] is not None
    assert reopened["completed_at"] is None


async def test_update_task_complete_recurring_schedules_next(client, account: Account):
    ny = await register(client, timezone="America/New_York")
    # Every Monday at 09:00 New York time; the next one falls after DST starts.
    task = (
        await ny.post(
            "/api/tasks",
            json={
                "title": "Weekly review",
                "due_at": "2027-03-08T09:00:00-05:00",
                "recurrence": "FREQ=WEEKLY;BYDAY=MO",
            },
        )
    ).json()

    await ny.patch(f"/api/tasks/{task['id']}", json={"status": "done"})

    open_tasks = (await ny.get("/api/tasks", params={"status": "todo"})).json()["items"]
    assert len(open_tasks) == 1
    following = open_tasks[0]
    assert following["title"] == "Weekly review"
    assert following["due_local"] == "2027-03-15T09:00:00-04:00"
    assert following["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"


async def test_delete_task(account: Account):
    task = (await account.post("/api/tasks", json={"title": "x"})).json()

    assert (await account.delete(f"/api/tasks/{task['id']}")).status_code == 204
    assert (await account.get(f"/api/tasks/{task['id']}")).status_code == 404


async def test_list_tasks_filters(app, account: Account):
    pinned_now = datetime(2027, 5, 10, 12, 0, tzinfo=UTC)
    app.dependency_overrides[get_now] = lambda: pinned_now
    await account.post(
        "/api/tasks", json={"title": "Past timed", "due_at": "2027-05-10T08:00:00Z"}
    )
    await account.post(
        "/api/tasks",
        json={
            "title": "Today all day",
            "due_at": "2027-05-10T00:00:00Z",
            "due_has_time": False,
        },
    )
    await account.post(
        "/api/tasks",
        json={"title": "Future", "due_at": "2027-06-01T08:00:00Z", "tags": ["x"]},
    )
    await account.post("/api/tasks", json={"title": "Undated", "status": "in_progress"})
    await account.post(
        "/api/tasks",
        json={"title": "Old done", "due_at": "2027-01-01T08:00:00Z", "status": "done"},
    )

    async def titles(**params) -> list[str]:
        page = (await account.get("/api/tasks", params=params)).json()
        return [item["title"] for item in page["items"]]

    assert await titles() == [
        "Old done",
        "Today all day",
        "Past timed",
        "Future",
        "Undated",
    ]
    assert await titles(overdue="true") == ["Past timed"]
    assert await titles(status=["todo", "in_progress"], tag="x") == ["Future"]
    assert await titles(status="in_progress") == ["Undated"]
    assert await titles(
        due_after="2027-05-10T00:00:00Z", due_before="2027-05-11T00:00:00Z"
    ) == [
        "Today all day",
        "Past timed",
    ]
    assert await titles(q="DONE") == ["Old done"]


async def test_create_task_recurrence_without_due_invalid(account: Account):
    response = await account.post(
        "/api/tasks", json={"title": "x", "recurrence": "FREQ=DAILY"}
    )

    assert response.status_code == 422
    assert (await account.get("/api/tasks")).json()["total"] == 0


async def test_update_task_complete_counted_recurrence_stops(account: Account):
    task = (
        await account.post(
            "/api/tasks",
            json={
                "title": "Take the pill",
                "due_at": "2099-01-01T09:00:00Z",
                "recurrence": "FREQ=DAILY;COUNT=2",
            },
        )
    ).json()

    await account.patch(f"/api/tasks/{task['id']}", json={"status": "done"})
    second = (await account.get("/api/tasks", params={"status": "todo"})).json()
    await account.patch(
        f"/api/tasks/{second['items'][0]['id']}", json={"status": "done"}
    )
    third = (await account.get("/api/tasks", params={"status": "todo"})).json()

    assert [t["due_at"] for t in second["items"]] == ["2099-01-02T09:00:00Z"]
    assert second["items"][0]["recurrence"] == "FREQ=DAILY;COUNT=1"
    assert third["items"] == []


async def test_update_task_complete_overdue_recurrence_continues_from_now(
    account: Account,
):
    task = (
        await account.post(
            "/api/tasks",
            json={
                "title": "Water plants",
                "due_at": "2020-01-01T09:00:00Z",
                "recurrence": "FREQ=DAILY",
            },
        )
    ).json()

    await account.patch(f"/api/tasks/{task['id']}", json={"status": "done"})

    following = (await account.get("/api/tasks", params={"status": "todo"})).json()
    due = datetime.fromisoformat(following["items"][0]["due_at"])
    assert due > datetime.now(UTC)
    assert (due.hour, due.minute) == (9, 0)
