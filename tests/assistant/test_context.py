"""What the built-in engine alone costs a message: no summary, no memories."""

from notetaker.assistant import context
from tests.factories import Account


async def test_send_messages_built_in_engine_reads_neither_summary_nor_memories(
    account: Account, monkeypatch
):
    called: list[str] = []

    async def recall(*args, **kwargs):
        called.append("recall")
        return ()

    def fold(*args, **kwargs):
        called.append("fold")
        return ""

    monkeypatch.setattr(context.memories, "recall", recall)
    monkeypatch.setattr(context.summary, "fold", fold)
    cid = (await account.post("/api/conversations", json={})).json()["id"]

    for n in range(12):
        response = await account.post(
            f"/api/conversations/{cid}/message", json={"content": f"buy item {n}"}
        )
        assert response.json()["assistant_message"]["status"] == "ok"

    assert called == []
