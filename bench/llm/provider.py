"""A stand-in LLM server for the benchmark: Ollama's /api/chat, fixed latency.

It streams a valid plan that ends `--latency` seconds after the request, and keeps,
per request, its own handling time (keyed by the user message) and the number of
requests in flight, both readable at GET /stats.
"""

import argparse
import asyncio
import json
import time
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

CHUNK = 16  # characters, about four tokens
PLAN = {
    "reply": "Added it to your tasks.",
    "intent": "task",
    "notes": [],
    "tasks": [
        {
            "title": "Call Ana about the budget",
            "description": None,
            "due": "2026-12-11 15:00",
            "priority": 2,
            "recurrence": None,
            "tags": [],
        }
    ],
    "changes": [],
    "question": None,
}


class Stats:
    def __init__(self) -> None:
        self.durations: dict[str, float] = {}
        self.in_flight = 0
        self.peak = 0


def build(latency: float) -> Starlette:
    stats = Stats()

    async def chat(request: Request) -> Response:
        started = time.perf_counter()
        body = await request.json()
        key = body["messages"][-1]["content"]
        stats.in_flight += 1
        stats.peak = max(stats.peak, stats.in_flight)
        if not body.get("stream", True):
            return await _whole(key, started)
        return StreamingResponse(
            _stream(key, started), media_type="application/x-ndjson"
        )

    async def _whole(key: str, started: float) -> JSONResponse:
        try:
            await asyncio.sleep(latency)
        finally:
            stats.in_flight -= 1
        stats.durations[key] = time.perf_counter() - started
        message = {"role": "assistant", "content": json.dumps(PLAN)}
        return JSONResponse({"message": message, "done": True, "eval_count": 90})

    async def _stream(key: str, started: float) -> AsyncIterator[str]:
        # Half the time before the first token, the rest spread over the answer,
        # as a model streams it; the last chunk leaves at `latency`.
        text = json.dumps(PLAN)
        pieces = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
        try:
            await asyncio.sleep(latency / 2)
            gap = latency / 2 / len(pieces)
            for piece in pieces:
                await asyncio.sleep(gap)
                yield json.dumps({"message": {"content": piece}, "done": False}) + "\n"
            yield json.dumps({"done": True, "prompt_eval_count": 300}) + "\n"
        finally:
            stats.in_flight -= 1
        stats.durations[key] = time.perf_counter() - started

    async def read_stats(_: Request) -> JSONResponse:
        body = {
            "durations": stats.durations,
            "in_flight": stats.in_flight,
            "peak": stats.peak,
        }
        return JSONResponse(body)

    routes = [
        Route("/api/chat", chat, methods=["POST"]),
        Route("/stats", read_stats),
    ]
    return Starlette(routes=routes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--latency", type=float, default=2.0)
    args = parser.parse_args()
    uvicorn.run(
        build(args.latency), host="127.0.0.1", port=args.port, log_level="warning"
    )


if __name__ == "__main__":
    main()
