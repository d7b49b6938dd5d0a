"""A title of characters that show nothing is as empty as no title at all."""

import pytest

from tests.factories import Account

# Zero-width space, byte-order mark, word joiner, soft hyphen; alone, together,
# and padded with ordinary spaces.
INVISIBLE = ["\u200b", "\ufeff", "\u2060", "\u00ad", " \u200b\u200c\u200d ", "\u3164"]


@pytest.mark.parametrize("title", INVISIBLE)
@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/notes", "title"), ("/api/tasks", "title"), ("/api/categories", "name")],
)
async def test_create_with_invisible_title_rejected(
    account: Account, path, field, title
):
    response = await account.post(path, json={field: title})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/notes", "title"), ("/api/tasks", "title"), ("/api/categories", "name")],
)
async def test_update_with_invisible_title_rejected(account: Account, path, field):
    created = (await account.post(path, json={field: "Visible"})).json()

    response = await account.patch(f"{path}/{created['id']}", json={field: "\u200b"})

    assert response.status_code == 422
    assert (await account.get(f"{path}/{created['id']}")).json()[field] == "Visible"


@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/notes", "title"), ("/api/tasks", "title"), ("/api/categories", "name")],
)
async def test_create_with_invisible_marks_inside_title_keeps_it(
    account: Account, path, field
):
    # A zero-width joiner inside an emoji sequence is part of a real title.
    title = "Family \U0001f468\u200d\U0001f469\u200d\U0001f467"

    response = await account.post(path, json={field: title})

    assert response.status_code == 201
    assert response.json()[field] == title
