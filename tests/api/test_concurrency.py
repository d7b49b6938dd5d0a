"""Many users writing at once: every request succeeds and nothing is lost."""

import asyncio
import threading
import time

from notetaker.engines.base import Intent, Plan
from notetaker.engines.chain import INLINE_CHARS, as_chain
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


class SlowEngine:
    """Stands in for the built-in engine on a huge message: busy for a while."""

    name = "local"
    history_messages = 0

    def __init__(self) -> None:
        self.started = threading.Event()
        self.finished_at = 0.0

    def understand(self, message):
        self.started.set()
        time.sleep(0.5)
        self.finished_at = time.monotonic()
        return Plan(intent=Intent.CHIT_CHAT, reply="That was long.")


async def test_send_long_message_does_not_stall_other_requests(app, account: Account):
    cid = (await account.post("/api/conversations", json={})).json()["id"]
    slow = SlowEngine()
    chain = as_chain(app.state.engine)
    working, chain.fallback = chain.fallback, slow
    try:
        sending = asyncio.create_task(
            account.post(
                f"/api/conversations/{cid}/message",
                json={"content": "x" * (INLINE_CHARS + 1)},
            )
        )
        assert await asyncio.to_thread(slow.started.wait, 10)
        await account.get("/api/health")
        health_done = time.monotonic()
        response = await sending
    finally:
        chain.fallback = working

    assert response.status_code == 200
    assert health_done < slow.finished_at
