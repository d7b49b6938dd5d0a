"""Test data: registered accounts with their own client."""

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

_emails = itertools.count()


@dataclass
class Account:
    """A registered user and a client that sends their bearer token."""

    client: httpx.AsyncClient
    token: str
    user: dict[str, Any]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        merged = {**self.headers, **(headers or {})}
        return await self.client.request(method, url, headers=merged, **kwargs)

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PATCH", url, **kwargs)

    async def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("DELETE", url, **kwargs)


async def register(
    client: httpx.AsyncClient, *, timezone: str = "UTC", date_order: str = "MDY"
) -> Account:
    body = {
        "email": f"user{next(_emails)}@example.com",
        "password": "correct horse battery",
        "timezone": timezone,
        "date_order": date_order,
    }
    response = await client.post("/api/auth/register", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    # The bearer token is what this account uses; drop the cookie so that two
    # accounts on one client never mix.
    client.cookies.clear()
    return Account(client=client, token=data["token"], user=data["user"])
