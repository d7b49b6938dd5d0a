"""A local HTTP server speaking Ollama's /api/chat and OpenAI's /v1/chat/completions.

Each request takes the next `Behaviour` from the script (the default once the
script is used up): a good answer, a delay, an HTTP status, a malformed body, a
truncated stream, or a connection dropped mid-answer. It runs on its own thread
and event loop, like a real server would, on a random loopback port.
"""

import asyncio
import json
import socket
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Literal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

Fault = Literal["none", "status", "malformed", "truncated", "drop"]

GOOD_PLAN = {
    "reply": 'Added "Call the dentist" for next Friday at 15:00.',
    "intent": "task",
    "notes": [],
    "tasks": [
        {
            "title": "Call the dentist",
            "description": None,
            "due": "2026-12-11 15:00",
            "priority": 1,
            "recurrence": None,
            "tags": [],
        }
    ],
    "changes": [],
    "question": None,
}


@dataclass
class Behaviour:
    content: str = field(default_factory=lambda: json.dumps(GOOD_PLAN))
    fault: Fault = "none"
    status: int = 200
    delay: float = 0.0
    retry_after: float | None = None
    chunk_size: int = 12


@dataclass
class Seen:
    path: str
    body: dict


class FakeProvider:
    def __init__(self) -> None:
        self.script: list[Behaviour] = []
        self.default = Behaviour()
        self.requests: list[Seen] = []
        self.max_in_flight = 0
        # Requests still sleeping from an earlier test must not count in this one.
        self._generation = 0
        self._in_flight: dict[int, int] = {}
        self.durations: dict[str, float] = {}  # per last user message, for the bench
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self, *script: Behaviour, default: Behaviour | None = None) -> None:
        self.script = list(script)
        self.default = default or Behaviour()
        self.requests.clear()
        self.max_in_flight = 0
        self._generation += 1

    def start(self) -> None:
        app = Starlette(
            routes=[
                Route("/api/chat", self._ollama, methods=["POST"]),
                Route("/v1/chat/completions", self._openai, methods=["POST"]),
            ]
        )
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="critical", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the fake provider did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)

    async def _ollama(self, request: Request) -> Response:
        return await self._answer(request, "ollama")

    async def _openai(self, request: Request) -> Response:
        return await self._answer(request, "openai")

    async def _answer(self, request: Request, protocol: str) -> Response:
        started = time.perf_counter()
        body = await request.json()
        self.requests.append(Seen(request.url.path, body))
        behaviour = self.script.pop(0) if self.script else self.default
        generation = self._generation
        count = self._in_flight[generation] = self._in_flight.get(generation, 0) + 1
        self.max_in_flight = max(self.max_in_flight, count)
        try:
            await asyncio.sleep(behaviour.delay)
            response = _respond(behaviour, protocol, bool(body.get("stream")))
        finally:
            self._in_flight[generation] -= 1
        key = body["messages"][-1]["content"]
        self.durations[key] = time.perf_counter() - started
        return response


def _respond(behaviour: Behaviour, protocol: str, stream: bool) -> Response:
    if behaviour.fault == "status":
        headers = {}
        if behaviour.retry_after is not None:
            headers["Retry-After"] = str(behaviour.retry_after)
        return JSONResponse(
            {"error": "injected"}, status_code=behaviour.status, headers=headers
        )
    if behaviour.fault == "drop":
        return StreamingResponse(_dropped(), media_type="application/x-ndjson")
    if not stream:
        return _whole(behaviour, protocol)
    chunks = _ollama_chunks if protocol == "ollama" else _openai_chunks
    media = "application/x-ndjson" if protocol == "ollama" else "text/event-stream"
    return StreamingResponse(chunks(behaviour), media_type=media)


def _whole(behaviour: Behaviour, protocol: str) -> Response:
    if behaviour.fault == "malformed":
        return Response('{"message": {"content": ', media_type="application/json")
    if protocol == "ollama":
        body = {
            "message": {"role": "assistant", "content": behaviour.content},
            "done": True,
            "prompt_eval_count": 100,
            "eval_count": 40,
        }
    else:
        body = {
            "choices": [
                {"message": {"role": "assistant", "content": behaviour.content}}
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 40},
        }
    if behaviour.fault == "truncated":
        whole = json.dumps(body)
        return Response(whole[: len(whole) // 2], media_type="application/json")
    return JSONResponse(body)


def _pieces(behaviour: Behaviour) -> list[str]:
    text, size = behaviour.content, behaviour.chunk_size
    return [text[i : i + size] for i in range(0, len(text), size)]


async def _ollama_chunks(behaviour: Behaviour) -> AsyncIterator[str]:
    pieces = _pieces(behaviour)
    if behaviour.fault == "truncated":
        pieces = pieces[: len(pieces) // 2]
    for piece in pieces:
        yield (
            json.dumps(
                {"message": {"role": "assistant", "content": piece}, "done": False}
            )
            + "\n"
        )
    if behaviour.fault == "malformed":
        yield '{"message": {"content": "x"\n'
    if behaviour.fault in ("truncated", "malformed"):
        return
    yield json.dumps({"done": True, "prompt_eval_count": 100, "eval_count": 40}) + "\n"


async def _openai_chunks(behaviour: Behaviour) -> AsyncIterator[str]:
    pieces = _pieces(behaviour)
    if behaviour.fault == "truncated":
        pieces = pieces[: len(pieces) // 2]
    yield ": keep-alive\n\n"
    for piece in pieces:
        chunk = {"choices": [{"delta": {"content": piece}, "index": 0}]}
        yield f"data: {json.dumps(chunk)}\n\n"
    if behaviour.fault == "malformed":
        yield "data: {not json\n\n"
    if behaviour.fault in ("truncated", "malformed"):
        return
    usage = {"choices": [], "usage": {"prompt_tokens": 100, "completion_tokens": 40}}
    yield f"data: {json.dumps(usage)}\n\n"
    yield "data: [DONE]\n\n"


async def _dropped() -> AsyncIterator[str]:
    yield '{"message": {"content": "{\\"reply\\": \\"Half"}, "done": false}\n'
    raise ConnectionResetError("injected: the connection drops mid-answer")
