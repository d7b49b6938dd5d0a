"""An id once deleted is never given again: an old link /tasks/N must not open
a newer task."""

import pytest

from tests.factories import Account


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/tasks", {"title": "t"}),
        ("/api/notes", {"title": "n"}),
        ("/api/conversations", {}),
    ],
)
async def test_create_after_deleting_newest_gets_new_id(account: Account, path, body):
    newest = (await account.post(path, json=body)).json()["id"]
    assert (await account.delete(f"{path}/{newest}")).status_code == 204

    created = (await account.post(path, json=body)).json()["id"]

    assert created > newest
