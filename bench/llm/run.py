"""LLM engine benchmark (`make bench-llm`): what the app adds to a provider's time.

Starts a stand-in Ollama server with a fixed 2 s latency and the app (uvicorn, one
worker, SQLite in a temporary folder) configured with `NOTETAKER_ENGINES=ollama`,
each in its own process, then measures over loopback HTTP:

1. orchestrator overhead: the time the app's assistant spent on a message (its
   `Server-Timing: orchestrator` header: context, storing the message, the engine
   chain, the plan and the reply, committed) minus the time the provider itself
   spent on it (as the provider measured it), 100 messages arriving 200 ms apart on
   average, so that about ten wait on the provider at any time; target p95 < 15 ms.
   Printed beside it, what a client sees: the whole HTTP round trip minus the
   provider's time;
2. GET /api/tasks latency, first with nothing else running, then while 50 messages
   wait on the provider at once; target p99 < 50 ms.
"""

import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

LATENCY = 2.0
MESSAGES, ARRIVAL_GAP = 100, 0.2
# Arrivals at random (exponential gaps, seeded): evenly spaced ones would land each
# message's reply exactly on a new message's arrival, every time.
GAPS = [random.Random(5).expovariate(1 / ARRIVAL_GAP) for _ in range(MESSAGES)]
IN_FLIGHT, ROUNDS = 50, 3
BASELINE_GETS = 300
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def _summary(values: list[float]) -> str:
    return (
        f"n={len(values)} p50={_percentile(values, 50):.1f} "
        f"p95={_percentile(values, 95):.1f} p99={_percentile(values, 99):.1f} "
        f"max={max(values):.1f} ms"
    )


@contextmanager
def _process(args: list[str], env: dict[str, str]):
    process = subprocess.Popen(args, env=env, cwd=ROOT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


async def _wait_ready(url: str) -> None:
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(url)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"{url} did not come up within 60 s")


async def _sign_up(client: httpx.AsyncClient) -> int:
    body = {
        "email": f"bench-{time.time_ns()}@example.com",
        "password": "bench password 1",
    }
    response = await client.post("/api/auth/register", json=body)
    response.raise_for_status()
    client.headers["Authorization"] = f"Bearer {response.json()['token']}"
    for i in range(20):
        await client.post("/api/tasks", json={"title": f"Existing task {i}"})
    response = await client.post("/api/conversations", json={})
    return response.json()["id"]


async def _send(
    client: httpx.AsyncClient, cid: int, text: str, engine: str = "ollama"
) -> tuple[float, float]:
    """The round trip and the orchestrator's own time, in ms."""
    started = time.perf_counter()
    response = await client.post(
        f"/api/conversations/{cid}/message", json={"content": text}
    )
    elapsed = (time.perf_counter() - started) * 1000
    reply = response.json()["assistant_message"]
    if reply["provider"] != engine:
        raise RuntimeError(f"answered by {reply['provider']}, not {engine}")
    name, duration = response.headers["Server-Timing"].split(";dur=")
    assert name == "orchestrator", name
    return elapsed, float(duration)


async def _baseline(url: str) -> list[float]:
    """The same messages, at the same pace, through an app on the built-in engine."""
    async with httpx.AsyncClient(base_url=url, timeout=30) as app:
        cid = await _sign_up(app)
        await _send(app, cid, "warm-up: remind me to stretch", "local")
        sends = []
        for i in range(MESSAGES):
            text = f"remind me to call Ana about the budget ({i})"
            sends.append(asyncio.create_task(_send(app, cid, text, "local")))
            await asyncio.sleep(GAPS[i])
        return [elapsed for elapsed, _ in await asyncio.gather(*sends)]


async def _overhead(app: httpx.AsyncClient, provider: httpx.AsyncClient, cid: int):
    """Per message: the orchestrator's time and the round trip, each minus the
    provider's own time; and the provider's time."""
    texts = [f"remind me to call Ana about the budget ({i})" for i in range(MESSAGES)]
    sends = []
    for text, gap in zip(texts, GAPS, strict=True):
        # Arrivals spread in time, as users send them: about ten wait at once.
        sends.append(asyncio.create_task(_send(app, cid, text)))
        await asyncio.sleep(gap)
    timings = dict(zip(texts, await asyncio.gather(*sends), strict=True))
    durations = (await provider.get("/stats")).json()["durations"]
    provider_ms = [durations[t] * 1000 for t in texts]
    pairs = list(zip(texts, provider_ms, strict=True))
    orchestrator = [timings[text][1] - ms for text, ms in pairs]
    round_trip = [timings[text][0] - ms for text, ms in pairs]
    return orchestrator, round_trip, provider_ms


async def _gets(client: httpx.AsyncClient, stop) -> list[float]:
    samples: list[float] = []
    while not stop(samples):
        started = time.perf_counter()
        response = await client.get("/api/tasks")
        samples.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return samples


async def _in_flight(provider: httpx.AsyncClient) -> int:
    return (await provider.get("/stats")).json()["in_flight"]


async def _under_load(app: httpx.AsyncClient, provider: httpx.AsyncClient, cid: int):
    """GET latencies while IN_FLIGHT messages wait on the provider, over ROUNDS:
    from the moment they all reached it to the moment the first one is answered."""
    samples: list[float] = []
    reached: list[int] = []
    for round_ in range(ROUNDS):
        texts = [
            f"remind me to book the venue ({round_}-{i})" for i in range(IN_FLIGHT)
        ]
        sends = [asyncio.create_task(_send(app, cid, text)) for text in texts]

        def answered(_: object = None, sends=sends) -> bool:
            return any(send.done() for send in sends)

        # The count lives in the provider's process: polling it is the only way.
        while not answered() and await _in_flight(provider) < IN_FLIGHT:  # noqa: ASYNC110
            await asyncio.sleep(0.005)
        reached.append(await _in_flight(provider))
        samples += await _gets(app, answered)
        await asyncio.gather(*sends)
    return samples, min(reached)


async def _measure(app_url: str, provider_url: str, local_url: str) -> None:
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with (
        httpx.AsyncClient(base_url=app_url, limits=limits, timeout=30) as app,
        httpx.AsyncClient(base_url=provider_url, timeout=5) as provider,
    ):
        cid = await _sign_up(app)
        await _send(app, cid, "warm-up: remind me to stretch")
        overhead, round_trip, provider_ms = await _overhead(app, provider, cid)
        idle = await _gets(app, lambda done: len(done) >= BASELINE_GETS)
        loaded, in_flight_after = await _under_load(app, provider, cid)
    local = await _baseline(local_url)
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine load average (1 5 15 min), {os.cpu_count()} cores: {load}")
    print(f"provider time per message:      {_summary(provider_ms)}")
    print(f"orchestrator overhead:          {_summary(overhead)}  (target p95 < 15 ms)")
    print(f"round trip over provider time:  {_summary(round_trip)}  (HTTP included)")
    print(f"same messages, built-in engine: {_summary(local)}  (whole round trip)")
    print(f"GET /api/tasks, idle:           {_summary(idle)}")
    print(
        f"GET /api/tasks, {IN_FLIGHT} in flight:   {_summary(loaded)}  "
        f"(target p99 < 50 ms; at least {in_flight_after} in flight at the provider)"
    )
    ratio = _percentile(loaded, 99) / _percentile(idle, 99)
    print(f"p99 under load / p99 idle:      {ratio:.2f}")


def _env(folder: str, name: str, port: int, engines: str, provider_port: int):
    return os.environ | {
        "NOTETAKER_DATABASE_URL": f"sqlite+aiosqlite:///{folder}/{name}.db",
        "NOTETAKER_PORT": str(port),
        "NOTETAKER_ENGINES": engines,
        "NOTETAKER_OLLAMA_URL": f"http://127.0.0.1:{provider_port}",
        "NOTETAKER_LLM_MAX_IN_FLIGHT": "64",
        "NOTETAKER_LOG_LEVEL": "WARNING",
    }


def main() -> None:
    provider_port, app_port, local_port = _free_port(), _free_port(), _free_port()
    folder = tempfile.mkdtemp(prefix="bench-llm-")
    llm_env = _env(folder, "llm", app_port, "ollama", provider_port)
    local_env = _env(folder, "local", local_port, "local", provider_port)
    provider = [
        sys.executable,
        "-m",
        "bench.llm.provider",
        "--port",
        str(provider_port),
    ]
    serve = [sys.executable, "-m", "notetaker.cli", "serve"]
    urls = [
        f"http://127.0.0.1:{port}" for port in (app_port, provider_port, local_port)
    ]
    with (
        _process([*provider, "--latency", str(LATENCY)], llm_env),
        _process(serve, llm_env),
        _process(serve, local_env),
    ):
        for url, path in zip(
            urls, ("/api/health", "/stats", "/api/health"), strict=True
        ):
            asyncio.run(_wait_ready(url + path))
        asyncio.run(_measure(*urls))


if __name__ == "__main__":
    main()
