"""Many users writing at once: every request succeeds and nothing is lost."""

import asyncio

from tests.factories import Account, register


async def _chat(account: Account, count: int) -> list[int]:
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    sends = [
        account.post(
            f"/api/conversations/{cid}/message",
            json={"content": f"remind me to water plant number {i}"},
        )
        for i in range(count)
    ]
    notes = [
        account.post("/api/notes", json={"title": f"note {i}"}) for i in range(count)
    ]
    responses = await asyncio.gather(*sends, *notes)
    return [response.status_code for response in responses]


async def test_send_messages_concurrently_all_stored(client):
    accounts = [await register(client) for _ in range(4)]

    statuses = await asyncio.gather(*(_chat(account, 10) for account in accounts))

    assert {code for codes in statuses for code in codes} <= {200, 201}
    for account in accounts:
        tasks = (await account.get("/api/tasks", params={"limit": 200})).json()
        notes = (await account.get("/api/notes", params={"limit": 200})).json()
        assert tasks["total"] == 10
        assert notes["total"] == 10
        numbers = sorted(int(t["title"].rsplit(" ", 1)[1]) for t in tasks["items"])
        assert numbers == list(range(10))
