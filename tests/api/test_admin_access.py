"""GET /api/admin/access: which operator pages the caller may open."""

import httpx
from fastapi import FastAPI

from notetaker.api.deps import get_settings
from tests.factories import Account


async def test_get_admin_access_signed_out_unauthorized(client: httpx.AsyncClient):
    response = await client.get("/api/admin/access")

    assert response.status_code == 401


async def test_get_admin_access_non_operator(account: Account):
    response = await account.get("/api/admin/access")

    assert response.status_code == 200
    assert response.json() == {"performance": False}


async def test_get_admin_access_operator(app: FastAPI, account: Account):
    settings = app.state.settings.model_copy(
        update={"admin_emails": [account.user["email"].upper()]}
    )
    app.dependency_overrides[get_settings] = lambda: settings

    response = await account.get("/api/admin/access")

    assert response.json() == {"performance": True}
    assert (await account.get("/api/admin/performance")).status_code == 200
