"""The exported UI is served beside the API without ever shadowing it."""

import gzip
from pathlib import Path

import httpx
import pytest

from notetaker.api.static import WebUI


@pytest.fixture
def export(tmp_path: Path) -> Path:
    (tmp_path / "_next" / "static" / "chunks").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<html>chat</html>")
    (tmp_path / "dashboard.html").write_text("<html>dashboard</html>")
    (tmp_path / "404.html").write_text("<html>missing</html>")
    script = tmp_path / "_next" / "static" / "chunks" / "app.js"
    script.write_text("console.log('app')")
    script.with_name("app.js.gz").write_bytes(gzip.compress(b"console.log('app')"))
    return tmp_path


def _client(directory: Path) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=WebUI(directory))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_get_ui_root_serves_index(export):
    async with _client(export) as client:
        response = await client.get("/")

    assert response.status_code == 200
    assert response.text == "<html>chat</html>"
    assert response.headers["cache-control"] == "no-cache"
    assert "default-src 'self'" in response.headers["content-security-policy"]


async def test_get_ui_client_route_serves_its_page(export):
    async with _client(export) as client:
        response = await client.get("/dashboard")

    assert response.status_code == 200
    assert response.text == "<html>dashboard</html>"


async def test_get_ui_unknown_route_serves_404_page(export):
    async with _client(export) as client:
        response = await client.get("/no/such/page")

    assert response.status_code == 404
    assert response.text == "<html>missing</html>"


async def test_get_ui_asset_is_gzipped_and_immutable(export):
    async with _client(export) as client:
        response = await client.get(
            "/_next/static/chunks/app.js", headers={"Accept-Encoding": "gzip"}
        )

    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "immutable" in response.headers["cache-control"]
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.text == "console.log('app')"


async def test_get_ui_path_traversal_is_not_found(export, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("secret")

    async with _client(export) as client:
        response = await client.get(f"/..%2F{outside.parent.name}/secret.txt")

    assert response.status_code == 404
    assert "secret" not in response.text


async def test_post_ui_path_is_method_not_allowed(export):
    async with _client(export) as client:
        response = await client.post("/dashboard", json={})

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_get_ui_without_export_says_to_build_it(tmp_path):
    async with _client(tmp_path / "missing") as client:
        response = await client.get("/")

    assert response.status_code == 503
    assert "make web" in response.text


async def test_get_unknown_api_path_answers_json_404(client):
    response = await client.get("/api/no-such-thing")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_put_api_route_keeps_method_not_allowed(client):
    response = await client.put("/api/tasks", json={})

    assert response.status_code == 405


async def test_get_openapi_and_docs_are_not_shadowed(client):
    schema = await client.get("/openapi.json")
    docs = await client.get("/docs")

    assert schema.json()["info"]["title"] == "Note-Taker AI"
    assert "swagger" in docs.text.lower()
