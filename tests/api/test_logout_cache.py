"""A sign-out holds in its own process at once, even against a request that
looked the login up while the sign-out was being stored."""

from contextlib import asynccontextmanager

from fastapi import FastAPI

from notetaker.api.deps import signed_in_user
from tests.factories import Account


def _look_up_before_each_commit(app: FastAPI, monkeypatch, token: str) -> list:
    """Before every write transaction commits, a concurrent request of the same
    process looks `token` up (and may cache what it finds)."""
    state = app.state
    real_transaction = state.database.transaction
    found = []

    @asynccontextmanager
    async def transaction(*, write: bool = True):
        async with real_transaction(write=write) as session:
            yield session
            if write:
                found.append(
                    await signed_in_user(state.database, state.login_cache, token)
                )

    monkeypatch.setattr(state.database, "transaction", transaction)
    return found


async def test_logout_user_not_recached_by_request_before_commit(
    app: FastAPI, account: Account, monkeypatch
):
    assert (await account.get("/api/auth/me")).status_code == 200
    found = _look_up_before_each_commit(app, monkeypatch, account.token)

    assert (await account.post("/api/auth/logout")).status_code == 204
    monkeypatch.undo()

    assert found and found[-1] is not None  # the login was still there to cache
    assert (await account.get("/api/auth/me")).status_code == 401


async def test_settings_change_not_hidden_by_request_before_commit(
    app: FastAPI, account: Account, monkeypatch
):
    assert (await account.get("/api/auth/me")).json()["timezone"] != "Asia/Tokyo"
    found = _look_up_before_each_commit(app, monkeypatch, account.token)

    response = await account.patch("/api/auth/me", json={"timezone": "Asia/Tokyo"})
    monkeypatch.undo()

    assert response.status_code == 200
    assert found and found[-1] is not None  # the old settings were there to cache
    assert (await account.get("/api/auth/me")).json()["timezone"] == "Asia/Tokyo"
