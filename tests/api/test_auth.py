import httpx

from tests.factories import Account, register


async def test_register_user_returns_token_and_cookie(client: httpx.AsyncClient):
    body = {
        "email": "Ana@Example.com",
        "password": "long enough",
        "timezone": "Europe/Lisbon",
    }
    response = await client.post("/api/auth/register", json=body)

    assert response.status_code == 201
    data = response.json()
    assert data["user"]["email"] == "ana@example.com"
    assert data["user"]["timezone"] == "Europe/Lisbon"
    assert data["token_type"] == "bearer"
    cookie = response.headers["set-cookie"]
    assert "notetaker_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    client.cookies.clear()


async def test_register_user_duplicate_email_conflicts(client: httpx.AsyncClient):
    body = {"email": "dup@example.com", "password": "long enough"}
    first = await client.post("/api/auth/register", json=body)
    second = await client.post(
        "/api/auth/register", json={**body, "email": "DUP@example.com"}
    )
    client.cookies.clear()

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "conflict"


async def test_register_user_invalid_timezone(client: httpx.AsyncClient):
    body = {
        "email": "tz@example.com",
        "password": "long enough",
        "timezone": "Mars/Base",
    }
    response = await client.post("/api/auth/register", json=body)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


async def test_login_user_with_cookie_session(client: httpx.AsyncClient):
    await client.post(
        "/api/auth/register", json={"email": "c@example.com", "password": "long enough"}
    )
    client.cookies.clear()

    login = await client.post(
        "/api/auth/login", json={"email": "c@example.com", "password": "long enough"}
    )
    me = await client.get("/api/auth/me")
    logout = await client.post("/api/auth/logout")
    after = await client.get("/api/auth/me")

    assert login.status_code == 200
    assert me.status_code == 200
    assert me.json()["email"] == "c@example.com"
    assert logout.status_code == 204
    assert after.status_code == 401


async def test_login_user_wrong_password(client: httpx.AsyncClient, account: Account):
    response = await client.post(
        "/api/auth/login",
        json={"email": account.user["email"], "password": "wrong pass"},
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_login_user_unknown_email(client: httpx.AsyncClient):
    response = await client.post(
        "/api/auth/login", json={"email": "nobody@example.com", "password": "whatever1"}
    )

    assert response.status_code == 401


async def test_logout_user_revokes_bearer_token(account: Account):
    assert (await account.get("/api/auth/me")).status_code == 200

    assert (await account.post("/api/auth/logout")).status_code == 204

    assert (await account.get("/api/auth/me")).status_code == 401


async def test_update_user_settings(account: Account):
    response = await account.patch(
        "/api/auth/me", json={"timezone": "America/New_York", "date_order": "DMY"}
    )

    assert response.status_code == 200
    assert response.json()["timezone"] == "America/New_York"
    assert response.json()["date_order"] == "DMY"


async def test_update_user_settings_seen_by_next_request(account: Account):
    assert (await account.get("/api/auth/me")).json()["timezone"] == "UTC"

    await account.patch("/api/auth/me", json={"timezone": "Asia/Tokyo"})

    # The caller's remembered login must not keep the old settings.
    assert (await account.get("/api/auth/me")).json()["timezone"] == "Asia/Tokyo"


async def test_get_me_without_token_unauthorized(client: httpx.AsyncClient):
    response = await client.get("/api/auth/me")

    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "unauthorized", "message": "Sign in first.", "details": None}
    }


async def test_get_me_with_forged_token_unauthorized(client: httpx.AsyncClient):
    response = await client.get(
        "/api/auth/me", headers={"Authorization": "Bearer not-a-real-token"}
    )

    assert response.status_code == 401


async def test_register_two_users_get_distinct_tokens(client: httpx.AsyncClient):
    first, second = await register(client), await register(client)

    assert first.token != second.token
    assert (await first.get("/api/auth/me")).json()["id"] == first.user["id"]
    assert (await second.get("/api/auth/me")).json()["id"] == second.user["id"]


async def test_bearer_scheme_read_in_any_case(client: httpx.AsyncClient):
    account = await register(client)
    client.cookies.clear()

    lower = await client.get(
        "/api/auth/me", headers={"Authorization": f"bearer {account.token}"}
    )
    other_scheme = await client.get(
        "/api/auth/me", headers={"Authorization": f"Basic {account.token}"}
    )

    assert lower.status_code == 200
    assert other_scheme.status_code == 401


async def test_openapi_names_the_bearer_scheme_on_private_routes(
    client: httpx.AsyncClient,
):
    schema = (await client.get("/openapi.json")).json()

    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/api/notes"]["get"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in schema["paths"]["/api/auth/login"]["post"]
