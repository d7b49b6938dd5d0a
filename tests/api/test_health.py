import httpx


async def test_get_health(client: httpx.AsyncClient):
    response = await client.get("/api/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_get_health_ready_checks_database(client: httpx.AsyncClient):
    response = await client.get("/api/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "up"}}


async def test_get_openapi_docs(client: httpx.AsyncClient):
    assert (await client.get("/docs")).status_code == 200
    schema = (await client.get("/openapi.json")).json()
    assert "/api/conversations/{conversation_id}/message" in schema["paths"]
