"""A user's timezone must be an IANA region's zone, not a file the server happens
to have."""

import pytest

from tests.factories import Account


@pytest.mark.parametrize(
    "name", ["localtime", "Factory", "posixrules", "posix/Europe/Paris", "Mars/Base"]
)
async def test_update_me_timezone_not_iana_invalid(account: Account, name: str):
    response = await account.patch("/api/auth/me", json={"timezone": name})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["details"][0]["loc"] == ["body", "timezone"]
    assert "IANA" in error["details"][0]["msg"]
    assert (await account.get("/api/auth/me")).json()["timezone"] == "UTC"


async def test_register_user_timezone_localtime_invalid(client):
    body = {
        "email": "localtime@example.com",
        "password": "correct horse battery",
        "timezone": "localtime",
    }

    response = await client.post("/api/auth/register", json=body)

    assert response.status_code == 422


@pytest.mark.parametrize(
    "name", ["Europe/Lisbon", "UTC", "Etc/GMT+5", "Asia/Calcutta", "US/Eastern"]
)
async def test_update_me_timezone_iana_names_accepted(account: Account, name: str):
    response = await account.patch("/api/auth/me", json={"timezone": name})

    assert response.status_code == 200
    assert response.json()["timezone"] == name
