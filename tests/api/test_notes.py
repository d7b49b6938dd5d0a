from tests.factories import Account


async def test_create_note_with_tags_and_category(account: Account):
    category = (await account.post("/api/categories", json={"name": "Home"})).json()

    response = await account.post(
        "/api/notes",
        json={
            "title": "Wifi password",
            "body": "It is on the **fridge**.",
            "tags": ["#Home", "wifi", "wifi"],
            "category_id": category["id"],
        },
    )

    assert response.status_code == 201
    note = response.json()
    assert note["title"] == "Wifi password"
    assert note["body"] == "It is on the **fridge**."
    assert note["tags"] == ["home", "wifi"]
    assert note["category_id"] == category["id"]
    assert note["pinned"] is False
    assert note["archived"] is False


async def test_get_note(account: Account):
    created = (await account.post("/api/notes", json={"title": "A"})).json()

    response = await account.get(f"/api/notes/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


async def test_get_note_not_found(account: Account):
    response = await account.get("/api/notes/999999")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_update_note_partial(account: Account):
    note = (await account.post("/api/notes", json={"title": "A", "body": "x"})).json()

    response = await account.patch(
        f"/api/notes/{note['id']}", json={"title": "B", "pinned": True, "tags": ["t"]}
    )

    assert response.status_code == 200
    updated = response.json()
    assert (updated["title"], updated["body"], updated["pinned"]) == ("B", "x", True)
    assert updated["tags"] == ["t"]


async def test_update_note_null_title_invalid(account: Account):
    note = (await account.post("/api/notes", json={"title": "A"})).json()

    response = await account.patch(f"/api/notes/{note['id']}", json={"title": None})

    assert response.status_code == 422
    assert (await account.get(f"/api/notes/{note['id']}")).json()["title"] == "A"


async def test_update_note_clear_category(account: Account):
    category = (await account.post("/api/categories", json={"name": "Work"})).json()
    note = (
        await account.post(
            "/api/notes", json={"title": "A", "category_id": category["id"]}
        )
    ).json()

    response = await account.patch(
        f"/api/notes/{note['id']}", json={"category_id": None}
    )

    assert response.json()["category_id"] is None


async def test_delete_note(account: Account):
    note = (await account.post("/api/notes", json={"title": "A"})).json()

    assert (await account.delete(f"/api/notes/{note['id']}")).status_code == 204
    assert (await account.get(f"/api/notes/{note['id']}")).status_code == 404


async def test_list_notes_filters(account: Account):
    work = (await account.post("/api/categories", json={"name": "Work"})).json()
    await account.post("/api/notes", json={"title": "Budget plan", "tags": ["money"]})
    await account.post(
        "/api/notes",
        json={"title": "Standup", "body": "budget review", "category_id": work["id"]},
    )
    archived = (await account.post("/api/notes", json={"title": "Old budget"})).json()
    await account.patch(f"/api/notes/{archived['id']}", json={"archived": True})

    async def titles(**params) -> list[str]:
        page = (await account.get("/api/notes", params=params)).json()
        return sorted(item["title"] for item in page["items"])

    assert await titles(q="budget") == ["Budget plan", "Standup"]
    assert await titles(tag="money") == ["Budget plan"]
    assert await titles(category_id=work["id"]) == ["Standup"]
    assert await titles(archived="true") == ["Old budget"]
    assert await titles(q="100%") == []


async def test_list_notes_pagination(account: Account):
    for i in range(5):
        await account.post("/api/notes", json={"title": f"n{i}"})

    first = (await account.get("/api/notes", params={"limit": 2})).json()
    third = (await account.get("/api/notes", params={"limit": 2, "offset": 4})).json()

    assert first["total"] == 5
    assert [n["title"] for n in first["items"]] == ["n4", "n3"]
    assert [n["title"] for n in third["items"]] == ["n0"]
