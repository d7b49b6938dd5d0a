"""Lists and the dashboard read each row's tags in the row's own statement (an
aggregate per row): every row gets exactly its own tags, sorted, whatever the
names hold."""

from tests.factories import Account

# Given unsorted, with characters that JSON must escape or that are not ASCII.
NAMES = ["zeta", 'say"hi', "back\\slash", "café", "alpha"]
SORTED = sorted(NAMES)
# Created first, these have the lowest ids: a database that aggregates in id order
# would put them first.
LATE_IN_ORDER = {"title": "Older", "tags": ["zeta", 'say"hi']}


async def test_note_and_task_lists_show_each_rows_own_sorted_tags(account: Account):
    await account.post("/api/notes", json=LATE_IN_ORDER)
    await account.post("/api/notes", json={"title": "Tagged", "tags": NAMES})
    await account.post("/api/notes", json={"title": "Plain"})
    await account.post("/api/notes", json={"title": "One", "tags": ["solo"]})
    await account.post("/api/tasks", json={"title": "Tagged", "tags": NAMES})
    await account.post("/api/tasks", json={"title": "Plain"})

    notes = (await account.get("/api/notes")).json()["items"]
    tasks = (await account.get("/api/tasks")).json()["items"]

    assert {n["title"]: n["tags"] for n in notes} == {
        "Older": sorted(LATE_IN_ORDER["tags"]),
        "Tagged": SORTED,
        "Plain": [],
        "One": ["solo"],
    }
    assert {t["title"]: t["tags"] for t in tasks} == {"Tagged": SORTED, "Plain": []}


async def test_filtered_and_counted_pages_keep_their_tags(account: Account):
    for i in range(3):
        await account.post("/api/notes", json={"title": f"n{i}", "tags": ["b", "a"]})

    # A full page makes the total a count of its own; a tag filter is an EXISTS
    # beside the tags' aggregate.
    page = (await account.get("/api/notes", params={"tag": "a", "limit": 2})).json()

    assert page["total"] == 3
    assert [n["tags"] for n in page["items"]] == [["a", "b"], ["a", "b"]]


async def test_dashboard_rows_show_their_sorted_tags(account: Account):
    await account.post("/api/tasks", json=LATE_IN_ORDER)
    await account.post("/api/notes", json={"title": "Tagged", "tags": NAMES})
    await account.post("/api/notes", json={"title": "Plain"})
    due = "2099-01-01T09:00:00+00:00"
    await account.post("/api/tasks", json={"title": "Old", "due_at": due})
    overdue = "2000-01-01T09:00:00+00:00"
    await account.post(
        "/api/tasks", json={"title": "Late", "due_at": overdue, "tags": NAMES}
    )

    board = (await account.get("/api/dashboard")).json()

    assert {n["title"]: n["tags"] for n in board["recent_notes"]} == {
        "Tagged": SORTED,
        "Plain": [],
    }
    assert [(t["title"], t["tags"]) for t in board["overdue"]] == [("Late", SORTED)]
