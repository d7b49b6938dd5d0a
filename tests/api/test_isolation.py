"""User B can neither see nor change nor delete anything of user A's, by any route."""

import pytest

from tests.factories import Account


async def _objects_of(owner: Account) -> dict[str, int]:
    category = (await owner.post("/api/categories", json={"name": "Secret"})).json()
    note = (
        await owner.post("/api/notes", json={"title": "A's note", "tags": ["a"]})
    ).json()
    task = (await owner.post("/api/tasks", json={"title": "A's task"})).json()
    conversation = (
        await owner.post("/api/conversations", json={"title": "A's"})
    ).json()
    await owner.post(
        f"/api/conversations/{conversation['id']}/message", json={"content": "hello"}
    )
    return {
        "category": category["id"],
        "note": note["id"],
        "task": task["id"],
        "conversation": conversation["id"],
    }


# (method, path template, body) for every route that takes an object id.
ROUTES_BY_ID = [
    ("GET", "/api/categories/{category}", None),
    ("PATCH", "/api/categories/{category}", {"name": "mine now"}),
    ("DELETE", "/api/categories/{category}", None),
    ("GET", "/api/notes/{note}", None),
    ("PATCH", "/api/notes/{note}", {"title": "mine now"}),
    ("DELETE", "/api/notes/{note}", None),
    ("GET", "/api/tasks/{task}", None),
    ("PATCH", "/api/tasks/{task}", {"status": "done"}),
    ("DELETE", "/api/tasks/{task}", None),
    ("GET", "/api/conversations/{conversation}", None),
    ("PATCH", "/api/conversations/{conversation}", {"title": "mine now"}),
    ("DELETE", "/api/conversations/{conversation}", None),
    ("GET", "/api/conversations/{conversation}/messages", None),
    ("POST", "/api/conversations/{conversation}/message", {"content": "hi"}),
]


@pytest.mark.parametrize(("method", "template", "body"), ROUTES_BY_ID)
async def test_access_other_users_object_not_found(
    account: Account, other_account: Account, method: str, template: str, body
):
    ids = await _objects_of(account)
    before = await _snapshot(account, ids)

    response = await other_account.request(method, template.format(**ids), json=body)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert await _snapshot(account, ids) == before


async def _snapshot(owner: Account, ids: dict[str, int]) -> list:
    paths = [
        f"/api/categories/{ids['category']}",
        f"/api/notes/{ids['note']}",
        f"/api/tasks/{ids['task']}",
        f"/api/conversations/{ids['conversation']}",
        f"/api/conversations/{ids['conversation']}/messages",
    ]
    return [(await owner.get(path)).json() for path in paths]


async def test_list_endpoints_show_only_own_objects(
    account: Account, other_account: Account
):
    await _objects_of(account)

    for path in ("/api/notes", "/api/tasks", "/api/conversations"):
        page = (await other_account.get(path)).json()
        assert (page["items"], page["total"]) == ([], 0), path
    assert (await other_account.get("/api/categories")).json() == []
    assert (await other_account.get("/api/notes", params={"tag": "a"})).json()[
        "total"
    ] == 0
    board = (await other_account.get("/api/dashboard")).json()
    assert set(board["counts"].values()) == {0}


async def test_reference_other_users_category_not_found(
    account: Account, other_account: Account
):
    ids = await _objects_of(account)

    for path, title in (("/api/notes", "n"), ("/api/tasks", "t")):
        body = {"title": title, "category_id": ids["category"]}
        response = await other_account.post(path, json=body)
        assert response.status_code == 404, path
        assert (await other_account.get(path)).json()["total"] == 0


async def test_assistant_sees_only_own_tasks(account: Account, other_account: Account):
    await account.post("/api/tasks", json={"title": "Call the plumber"})
    cid = (await other_account.post("/api/conversations", json={})).json()["id"]

    exchange = (
        await other_account.post(
            f"/api/conversations/{cid}/message",
            json={"content": "mark the plumber task done"},
        )
    ).json()
    answer = (
        await other_account.post(
            f"/api/conversations/{cid}/message", json={"content": "what are my tasks?"}
        )
    ).json()

    assert exchange["tasks"] == []
    assert answer["sources"] == []
    mine = (await account.get("/api/tasks")).json()["items"]
    assert [t["status"] for t in mine] == ["todo"]
