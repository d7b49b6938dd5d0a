"""Malformed and hostile requests on every endpoint: a 4xx in the one error shape,
and nothing stored."""

import json

import pytest

from tests.factories import Account, register


async def _setup(account: Account) -> dict[str, int]:
    conversation = (await account.post("/api/conversations", json={})).json()
    return {
        "conversation": conversation["id"],
        "note": (await account.post("/api/notes", json={"title": "n"})).json()["id"],
        "task": (await account.post("/api/tasks", json={"title": "t"})).json()["id"],
        "category": (await account.post("/api/categories", json={"name": "c"})).json()[
            "id"
        ],
    }


async def _state(account: Account, ids: dict[str, int]) -> list:
    paths = [
        "/api/notes",
        "/api/tasks",
        "/api/categories",
        "/api/conversations",
        f"/api/conversations/{ids['conversation']}/messages",
    ]
    return [(await account.get(path)).json() for path in paths]


BODY_ROUTES = [
    ("POST", "/api/auth/register"),
    ("POST", "/api/auth/login"),
    ("PATCH", "/api/auth/me"),
    ("POST", "/api/conversations"),
    ("PATCH", "/api/conversations/{conversation}"),
    ("POST", "/api/conversations/{conversation}/message"),
    ("POST", "/api/notes"),
    ("PATCH", "/api/notes/{note}"),
    ("POST", "/api/tasks"),
    ("PATCH", "/api/tasks/{task}"),
    ("POST", "/api/categories"),
    ("PATCH", "/api/categories/{category}"),
]

MALFORMED = {
    "truncated json": ('{"title": "x"', 400, "malformed_json"),
    "not json": ("title=x", 400, "malformed_json"),
    "json array": ("[1, 2, 3]", 422, "invalid_input"),
    "json string": ('"hello"', 422, "invalid_input"),
    "json null": ("null", 422, "invalid_input"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, 400, "malformed_json"),
}

HOSTILE_FIELDS = {
    "wrong types": {
        "title": 5,
        "name": ["x"],
        "content": {"a": 1},
        "email": 7,
        "password": True,
        "priority": "1",
        "pinned": "yes",
        "timezone": 3,
    },
    "nul character": {
        "title": "a\x00b",
        "name": "a\x00b",
        "content": "a\x00b",
        "display_name": "\x00",
        "email": "a\x00@example.com",
        "password": "abc\x00defgh",
    },
    "lone surrogate": {
        "title": "\ud800",
        "name": "\ud800",
        "content": "\ud800",
        "display_name": "\ud800",
    },
    "unknown field": {"title": "ok", "name": "ok", "content": "ok", "is_admin": True},
    "overlong": {
        "title": "x" * 501,
        "name": "x" * 101,
        "content": "",
        "email": "x" * 400,
        "display_name": "x" * 101,
        "password": "x" * 300,
    },
    "huge numbers": {"title": "ok", "category_id": 2**70, "priority": 10**20},
    "sql and markup": {
        "name": "x' OR 1=1 --",
        "timezone": "../../etc/passwd",
        "date_order": "<script>",
        "status": "deleted; DROP TABLE tasks",
    },
}


def _error_shape(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert isinstance(body["error"]["message"], str)
    return body["error"]


@pytest.mark.parametrize(("method", "template"), BODY_ROUTES)
@pytest.mark.parametrize("kind", sorted(MALFORMED))
async def test_send_malformed_body_rejected(account: Account, method, template, kind):
    ids = await _setup(account)
    before = await _state(account, ids)
    raw, status, code = MALFORMED[kind]

    response = await account.request(
        method,
        template.format(**ids),
        content=raw,
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == status
    error = _error_shape(response)
    if code:
        assert error["code"] == code
    assert await _state(account, ids) == before


@pytest.mark.parametrize(("method", "template"), BODY_ROUTES)
@pytest.mark.parametrize("kind", sorted(HOSTILE_FIELDS))
async def test_send_hostile_fields_rejected(account: Account, method, template, kind):
    ids = await _setup(account)
    before = await _state(account, ids)
    body = json.dumps(HOSTILE_FIELDS[kind])

    response = await account.request(
        method,
        template.format(**ids),
        content=body,
        headers={"Content-Type": "application/json"},
    )

    assert 400 <= response.status_code < 500, response.text
    _error_shape(response)
    assert await _state(account, ids) == before


@pytest.mark.parametrize(("method", "template"), BODY_ROUTES)
async def test_send_oversized_body_rejected(app, account: Account, method, template):
    ids = await _setup(account)
    before = await _state(account, ids)
    big = json.dumps({"title": "x" * app.state.settings.max_body_bytes})

    response = await account.request(
        method,
        template.format(**ids),
        content=big,
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 413
    assert _error_shape(response)["code"] == "payload_too_large"
    assert await _state(account, ids) == before


@pytest.mark.parametrize(("method", "template"), BODY_ROUTES)
async def test_send_form_body_unsupported(account: Account, method, template):
    ids = await _setup(account)
    before = await _state(account, ids)

    response = await account.request(
        method, template.format(**ids), data={"title": "x", "content": "x"}
    )

    assert response.status_code == 415
    assert _error_shape(response)["code"] == "unsupported_media_type"
    assert await _state(account, ids) == before


BAD_IDS = ["0", "-1", "abc", "1.5", str(2**31), str(2**70), "%00", "1;DROP"]
ID_ROUTES = [
    ("GET", "/api/notes/{id}"),
    ("DELETE", "/api/notes/{id}"),
    ("GET", "/api/tasks/{id}"),
    ("DELETE", "/api/tasks/{id}"),
    ("GET", "/api/categories/{id}"),
    ("DELETE", "/api/categories/{id}"),
    ("GET", "/api/conversations/{id}"),
    ("DELETE", "/api/conversations/{id}"),
    ("GET", "/api/conversations/{id}/messages"),
]


@pytest.mark.parametrize(("method", "template"), ID_ROUTES)
async def test_request_bad_ids_rejected(account: Account, method, template):
    for bad in BAD_IDS:
        response = await account.request(method, template.format(id=bad))
        assert response.status_code in (404, 422), (bad, response.text)
        _error_shape(response)


BAD_QUERIES = [
    ("/api/notes", {"limit": "0"}),
    ("/api/notes", {"limit": "100000"}),
    ("/api/notes", {"offset": "-1"}),
    ("/api/notes", {"q": "x" * 201}),
    ("/api/notes", {"q": "a\x00b"}),
    ("/api/notes", {"pinned": "maybe"}),
    ("/api/tasks", {"status": "deleted"}),
    ("/api/tasks", {"due_before": "tomorrow"}),
    ("/api/tasks", {"due_after": "2027-01-01T00:00:00"}),
    ("/api/tasks", {"category_id": str(2**40)}),
    ("/api/tasks", {"tag": "a\x00"}),
    ("/api/conversations", {"limit": "-5"}),
]


@pytest.mark.parametrize(("path", "params"), BAD_QUERIES)
async def test_list_with_bad_query_rejected(account: Account, path, params):
    response = await account.get(path, params=params)

    assert response.status_code == 422, response.text
    assert _error_shape(response)["code"] == "invalid_input"


async def test_request_unknown_route_not_found(account: Account):
    response = await account.get("/api/nothing-here")

    assert response.status_code == 404
    assert _error_shape(response)["code"] == "not_found"


async def test_request_wrong_method_not_allowed(account: Account):
    response = await account.request("PUT", "/api/notes")

    assert response.status_code == 405
    assert _error_shape(response)["code"] == "method_not_allowed"


# Due dates at the edges of what datetime can hold: converting them to UTC or to
# the user's zone would overflow, so they are refused at the boundary.
EXTREME_DUE = [
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "1899-12-31T23:59:59Z",
    "9000-01-01T00:00:00Z",
]


@pytest.mark.parametrize("due_at", EXTREME_DUE)
async def test_create_task_extreme_due_rejected(client, due_at):
    account = await register(client, timezone="America/New_York")

    response = await account.post("/api/tasks", json={"title": "x", "due_at": due_at})

    assert response.status_code == 422, response.text
    assert _error_shape(response)["code"] == "invalid_input"
    assert (await account.get("/api/tasks")).json()["total"] == 0


@pytest.mark.parametrize("due_at", EXTREME_DUE)
async def test_update_task_extreme_due_rejected(client, due_at):
    account = await register(client, timezone="Pacific/Kiritimati")
    task = (await account.post("/api/tasks", json={"title": "x"})).json()

    response = await account.patch(f"/api/tasks/{task['id']}", json={"due_at": due_at})

    assert response.status_code == 422, response.text
    assert _error_shape(response)["code"] == "invalid_input"
    assert (await account.get(f"/api/tasks/{task['id']}")).json()["due_at"] is None


@pytest.mark.parametrize("param", ["due_before", "due_after"])
@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]
)
async def test_list_tasks_extreme_due_filter_rejected(account: Account, param, value):
    response = await account.get("/api/tasks", params={param: value})

    assert response.status_code == 422, response.text
    assert _error_shape(response)["code"] == "invalid_input"


@pytest.mark.parametrize("due_at", ["1900-01-01T00:00:00Z", "8999-12-31T23:59:59Z"])
async def test_create_task_due_at_range_edge_accepted(client, due_at):
    account = await register(client, timezone="America/New_York")

    response = await account.post("/api/tasks", json={"title": "x", "due_at": due_at})

    assert response.status_code == 201, response.text
    assert response.json()["due_local"] is not None


def _chunked(body: bytes, size: int = 4096):
    """A request body sent in pieces, without Content-Length (chunked)."""

    async def pieces():
        for start in range(0, len(body), size):
            yield body[start : start + size]

    return pieces()


async def test_send_chunked_oversized_body_rejected(app, account: Account):
    big = json.dumps({"title": "x" * app.state.settings.max_body_bytes}).encode()

    response = await account.post(
        "/api/tasks",
        content=_chunked(big),
        headers={"Content-Type": "application/json"},
    )

    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert "content-length" not in response.request.headers
    assert response.status_code == 413, response.text
    assert _error_shape(response)["code"] == "payload_too_large"
    assert (await account.get("/api/tasks")).json()["total"] == 0


async def test_send_chunked_body_within_limit_accepted(account: Account):
    response = await account.post(
        "/api/tasks",
        content=_chunked(json.dumps({"title": "chunked"}).encode(), size=3),
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 201, response.text
    assert response.json()["title"] == "chunked"


async def test_send_chunked_form_body_unsupported(account: Account):
    response = await account.post(
        "/api/tasks",
        content=_chunked(b"title=x"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 415, response.text
    assert _error_shape(response)["code"] == "unsupported_media_type"
    assert (await account.get("/api/tasks")).json()["total"] == 0


@pytest.mark.parametrize(
    "content_type", ["APPLICATION/JSON; charset=utf-8", "Application/Json"]
)
async def test_send_body_media_type_case_insensitive(account: Account, content_type):
    response = await account.post(
        "/api/tasks",
        content=json.dumps({"title": "cased"}),
        headers={"Content-Type": content_type},
    )

    assert response.status_code == 201, response.text


async def test_send_body_client_disconnects_app_not_called():
    from notetaker.api.limits import BodyLimitMiddleware

    called, sent = [], []
    messages = iter(
        [
            {"type": "http.request", "body": b'{"ti', "more_body": True},
            {"type": "http.disconnect"},
        ]
    )

    async def app(scope, receive, send):
        called.append(scope)

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json")],
    }
    await BodyLimitMiddleware(app, max_bytes=100)(scope, receive, send)

    assert called == [] and sent == []
