from datetime import UTC, datetime

from notetaker.api.deps import get_now
from tests.factories import register

# Wednesday 12 May 2027, 10:00 in Lisbon (09:00 UTC).
NOW = datetime(2027, 5, 12, 9, 0, tzinfo=UTC)


async def test_get_dashboard_counts_and_lists(app, client):
    app.dependency_overrides[get_now] = lambda: NOW
    me = await register(client, timezone="Europe/Lisbon")
    tagged = {"tags": ["a", "b", "c"]}  # tags must not multiply any count
    tasks = [
        ("Overdue timed", "2027-05-12T08:00:00+01:00", True),
        ("Overdue all day", "2027-05-11T00:00:00+01:00", False),
        ("Today all day", "2027-05-12T00:00:00+01:00", False),
        ("Later today", "2027-05-12T18:00:00+01:00", True),
        ("In three days", "2027-05-15T09:00:00+01:00", True),
        ("In ten days", "2027-05-22T09:00:00+01:00", True),
    ]
    for title, due, timed in tasks:
        await me.post(
            "/api/tasks",
            json={"title": title, "due_at": due, "due_has_time": timed, **tagged},
        )
    await me.post("/api/tasks", json={"title": "Done", "status": "done", **tagged})
    await me.post("/api/tasks", json={"title": "Someday", **tagged})
    for title in ("n1", "n2", "n3"):
        await me.post("/api/notes", json={"title": title, **tagged})
    archived = (await me.post("/api/notes", json={"title": "old"})).json()
    await me.patch(f"/api/notes/{archived['id']}", json={"archived": True})
    await me.post("/api/conversations", json={})

    board = (await me.get("/api/dashboard")).json()

    assert board["counts"] == {
        "open_tasks": 7,
        "done_tasks": 1,
        "overdue_tasks": 2,
        "due_today": 2,
        "notes": 3,
        "conversations": 1,
    }
    titles = {key: [t["title"] for t in board[key]] for key in ("overdue", "due_today")}
    assert titles == {
        "overdue": ["Overdue all day", "Overdue timed"],
        "due_today": ["Today all day", "Later today"],
    }
    assert [t["title"] for t in board["next_7_days"]] == ["In three days"]
    assert [n["title"] for n in board["recent_notes"]] == ["n3", "n2", "n1"]


async def test_get_dashboard_unauthorized(client):
    response = await client.get("/api/dashboard")

    assert response.status_code == 401


async def test_get_dashboard_sections_in_due_order(app, client):
    app.dependency_overrides[get_now] = lambda: NOW
    me = await register(client, timezone="Europe/Lisbon")
    # Created out of order: soonest first, then the most important, then the oldest.
    tasks = [
        ("later, low", "2027-05-15T09:00:00+01:00", 4),
        ("sooner", "2027-05-14T09:00:00+01:00", 4),
        ("later, urgent", "2027-05-15T09:00:00+01:00", 1),
        ("later, urgent too", "2027-05-15T09:00:00+01:00", 1),
        ("overdue, low", "2027-05-10T09:00:00+01:00", 3),
        ("overdue, urgent", "2027-05-10T09:00:00+01:00", 2),
        ("overdue, oldest", "2027-05-09T09:00:00+01:00", 4),
    ]
    for title, due, priority in tasks:
        await me.post(
            "/api/tasks",
            json={
                "title": title,
                "due_at": due,
                "due_has_time": True,
                "priority": priority,
            },
        )

    board = (await me.get("/api/dashboard")).json()

    assert [t["title"] for t in board["next_7_days"]] == [
        "sooner",
        "later, urgent",
        "later, urgent too",
        "later, low",
    ]
    assert [t["title"] for t in board["overdue"]] == [
        "overdue, oldest",
        "overdue, urgent",
        "overdue, low",
    ]
