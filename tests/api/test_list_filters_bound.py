"""List filters are statements built once per combination of filters, with the
values bound at each request: the values of one request never leak into another's,
whoever sends it and in whatever order, and LIKE's wildcards in search text match
only themselves."""

from tests.factories import Account


async def _titles(account: Account, route: str, **params) -> list[str]:
    page = (await account.get(route, params=params)).json()
    return sorted(item["title"] for item in page["items"])


async def test_wildcards_in_search_text_match_only_themselves(account: Account):
    for title in ("50% off", "5000 off", "a_b plan", "axb plan", "back\\slash"):
        await account.post("/api/notes", json={"title": title})
        await account.post("/api/tasks", json={"title": title})

    for route in ("/api/notes", "/api/tasks"):
        assert await _titles(account, route, q="50%") == ["50% off"]
        assert await _titles(account, route, q="a_b") == ["a_b plan"]
        assert await _titles(account, route, q="k\\s") == ["back\\slash"]


async def test_same_filters_alternating_between_users_and_values(
    account: Account, other_account: Account
):
    for owner, word in ((account, "alpha"), (other_account, "beta")):
        for tag in ("red", "blue"):
            await owner.post(
                "/api/tasks", json={"title": f"{word} {tag}", "tags": [tag]}
            )

    # One shape (text and tag), then another (tag alone), then the first again,
    # each time with other values and another user.
    assert await _titles(account, "/api/tasks", q="alpha", tag="red") == ["alpha red"]
    assert await _titles(other_account, "/api/tasks", q="beta", tag="blue") == [
        "beta blue"
    ]
    assert await _titles(account, "/api/tasks", tag="blue") == ["alpha blue"]
    assert await _titles(other_account, "/api/tasks", tag="red") == ["beta red"]
    assert await _titles(account, "/api/tasks", q="beta", tag="red") == []
    assert await _titles(other_account, "/api/tasks", q="alpha") == []
    assert await _titles(account, "/api/tasks", q="alpha", tag="red") == ["alpha red"]
