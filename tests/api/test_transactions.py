"""The request's transaction commits before the response is sent."""

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.factories import Account


class CommitRefused(Exception):
    pass


@pytest.fixture
def failing_commits():
    """Every transaction that wrote something fails to commit."""

    def note_write(session, _context) -> None:
        session.info["wrote"] = True

    def refuse(session) -> None:
        if session.info.get("wrote"):
            raise CommitRefused

    event.listen(Session, "after_flush", note_write)
    event.listen(Session, "before_commit", refuse)
    yield
    event.remove(Session, "before_commit", refuse)
    event.remove(Session, "after_flush", note_write)


async def test_create_note_commit_failure_is_reported(
    account: Account, failing_commits
):
    response = await account.post("/api/notes", json={"title": "never stored"})

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert (await account.get("/api/notes")).json()["total"] == 0


async def test_create_note_then_read_back_immediately(account: Account):
    created = (await account.post("/api/notes", json={"title": "stored"})).json()

    listed = (await account.get("/api/notes")).json()

    assert [note["id"] for note in listed["items"]] == [created["id"]]
