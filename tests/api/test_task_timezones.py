"""A user who moves to another zone: all-day tasks stay on their calendar day,
timed tasks stay at their instant."""

from datetime import UTC, datetime

from notetaker.api.deps import get_now
from tests.factories import register

# Noon in Los Angeles on 15 January 2027 (20:00 UTC, 20:00 in Lisbon).
NOON_IN_LA = datetime(2027, 1, 15, 20, 0, tzinfo=UTC)


async def _moved_user_tasks(app, client):
    app.dependency_overrides[get_now] = lambda: NOON_IN_LA
    user = await register(client, timezone="Europe/Lisbon")
    all_day = await user.post(
        "/api/tasks",
        json={
            "title": "Pay the rent",
            "due_at": "2027-01-15T00:00:00+00:00",
            "due_has_time": False,
        },
    )
    timed = await user.post(
        "/api/tasks",
        json={"title": "Call Lisbon office", "due_at": "2027-01-15T18:00:00+00:00"},
    )
    moved = await user.patch("/api/auth/me", json={"timezone": "America/Los_Angeles"})
    assert moved.status_code == 200
    return user, all_day.json(), timed.json()


async def test_update_me_timezone_keeps_all_day_task_on_its_day(app, client):
    user, all_day, _ = await _moved_user_tasks(app, client)

    task = (await user.get(f"/api/tasks/{all_day['id']}")).json()

    assert task["due_local"] == "2027-01-15"
    assert task["timezone"] == "America/Los_Angeles"
    assert task["due_at"] == "2027-01-15T08:00:00Z"


async def test_update_me_timezone_keeps_timed_task_instant(app, client):
    user, _, timed = await _moved_user_tasks(app, client)

    task = (await user.get(f"/api/tasks/{timed['id']}")).json()

    assert task["due_at"] == "2027-01-15T18:00:00Z"
    assert task["due_local"] == "2027-01-15T18:00:00+00:00"
    assert task["timezone"] == "Europe/Lisbon"


async def test_dashboard_after_move_all_day_due_today_timed_overdue(app, client):
    user, all_day, timed = await _moved_user_tasks(app, client)

    board = (await user.get("/api/dashboard")).json()
    overdue = (await user.get("/api/tasks", params={"overdue": "true"})).json()

    assert [t["id"] for t in board["due_today"]] == [all_day["id"]]
    assert [t["id"] for t in board["overdue"]] == [timed["id"]]
    assert [t["id"] for t in overdue["items"]] == [timed["id"]]
