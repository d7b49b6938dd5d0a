from tests.factories import Account


async def test_create_category(account: Account):
    response = await account.post(
        "/api/categories", json={"name": "Work", "color": "#aa00ff"}
    )

    assert response.status_code == 201
    assert response.json()["name"] == "Work"
    assert response.json()["color"] == "#aa00ff"


async def test_create_category_duplicate_name_conflicts(account: Account):
    await account.post("/api/categories", json={"name": "Work"})

    response = await account.post("/api/categories", json={"name": "work"})

    assert response.status_code == 409


async def test_update_category_rename_to_taken_name_conflicts(account: Account):
    await account.post("/api/categories", json={"name": "Work"})
    home = (await account.post("/api/categories", json={"name": "Home"})).json()

    response = await account.patch(
        f"/api/categories/{home['id']}", json={"name": "WORK"}
    )

    assert response.status_code == 409
    assert (await account.get(f"/api/categories/{home['id']}")).json()["name"] == "Home"


async def test_delete_category_keeps_its_notes(account: Account):
    category = (await account.post("/api/categories", json={"name": "Tmp"})).json()
    note = (
        await account.post(
            "/api/notes", json={"title": "n", "category_id": category["id"]}
        )
    ).json()

    assert (
        await account.delete(f"/api/categories/{category['id']}")
    ).status_code == 204

    kept = (await account.get(f"/api/notes/{note['id']}")).json()
    assert kept["category_id"] is None


async def test_list_categories_sorted(account: Account):
    for name in ("b", "a", "c"):
        await account.post("/api/categories", json={"name": name})

    names = [c["name"] for c in (await account.get("/api/categories")).json()]

    assert names == ["a", "b", "c"]
