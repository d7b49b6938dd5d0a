"""Requests racing for the same rows: each ends as if it had run alone."""

import asyncio

from notetaker.engines.base import Intent, NoteDraft, Plan
from tests.engine_doubles import engine_in_use
from tests.factories import Account


async def test_create_notes_concurrently_same_new_tag_all_stored(account: Account):
    creations = [
        account.post("/api/notes", json={"title": f"note {i}", "tags": ["fresh"]})
        for i in range(10)
    ]

    responses = await asyncio.gather(*creations)

    assert [r.status_code for r in responses] == [201] * 10, responses[0].text
    notes = (await account.get("/api/notes", params={"tag": "fresh"})).json()
    assert notes["total"] == 10


async def test_send_messages_concurrently_same_new_tag_all_stored(account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    sends = [
        account.post(
            f"/api/conversations/{cid}/message",
            json={"content": f"remind me to buy item {i} #groceries"},
        )
        for i in range(10)
    ]

    responses = await asyncio.gather(*sends)

    assert [r.status_code for r in responses] == [200] * 10
    failed = [r.json() for r in responses if not r.json()["tasks"]]
    assert failed == []
    tasks = (await account.get("/api/tasks", params={"tag": "groceries"})).json()
    assert tasks["total"] == 10


async def test_update_task_tags_concurrently_all_succeed(account: Account):
    task = (await account.post("/api/tasks", json={"title": "pack"})).json()
    patches = [
        account.patch(f"/api/tasks/{task['id']}", json={"tags": ["trip", f"bag{i}"]})
        for i in range(10)
    ]

    responses = await asyncio.gather(*patches)

    assert [r.status_code for r in responses] == [200] * 10
    tags = (await account.get(f"/api/tasks/{task['id']}")).json()["tags"]
    assert "trip" in tags


async def test_create_categories_concurrently_same_name_one_wins(account: Account):
    creations = [
        account.post("/api/categories", json={"name": "Work"}) for _ in range(10)
    ]

    responses = await asyncio.gather(*creations)

    assert sorted(r.status_code for r in responses) == [201] + [409] * 9


class FilingEngine:
    """Files every message as a note in the same new category."""

    name = "filing"
    history_messages = 0

    def understand(self, message):
        draft = NoteDraft(title=message.text, category="Errands")
        return Plan(intent=Intent.NOTE, reply="Filed.", notes=[draft])


async def test_send_messages_concurrently_same_new_category_all_stored(
    app, account: Account
):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    with engine_in_use(app, FilingEngine()):
        responses = await asyncio.gather(
            *(
                account.post(
                    f"/api/conversations/{cid}/message", json={"content": f"item {i}"}
                )
                for i in range(10)
            )
        )

    assert [len(r.json()["notes"]) for r in responses] == [1] * 10
    categories = (await account.get("/api/categories")).json()
    assert [c["name"] for c in categories] == ["Errands"]


async def _delete_during_sends(account: Account) -> tuple[int, list[int]]:
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    url = f"/api/conversations/{cid}"
    sends = [
        asyncio.create_task(
            account.post(
                f"{url}/message", json={"content": f"remind me to call person {i}"}
            )
        )
        for i in range(8)
    ]
    # Lets the sends get under way before the delete is sent.
    for _ in range(20):
        await asyncio.sleep(0)
    deleted = await account.delete(url)
    return deleted.status_code, [r.status_code for r in await asyncio.gather(*sends)]


async def test_delete_conversation_during_sends_never_fails(account: Account):
    outcomes = [await _delete_during_sends(account) for _ in range(5)]

    assert {deleted for deleted, _ in outcomes} == {204}
    assert {code for _, sent in outcomes for code in sent} <= {200, 404}
    tasks = (await account.get("/api/tasks", params={"limit": 200})).json()
    assert all(task["source_message_id"] is None for task in tasks["items"])
