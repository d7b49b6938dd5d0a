"""`make bench`: start the server on loopback, load it with locust, write a report.

Phases, each bounded in time:
1. mix    - the seed's mix from 200 users, each with an account of its own;
2. reads  - the read endpoints as fast as they answer (throughput);
3. bare   - a bare ASGI endpoint on the same uvicorn stack (the baseline).
The report (docs/bench/latest-<mode>.md) quotes latency percentiles, requests/s,
errors and the server's CPU and memory beside the seed's targets.

--soak replaces the phases with the mix alone, for --soak-warmup-seconds and then
--soak-seconds, and reports the server's memory before the load, after the warm-up
and at the end.
"""

import argparse
import asyncio
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import httpx

from bench.report import Phase, read_locust_stats, render_report
from bench.sampler import ProcessSampler

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL mode")
    parser.add_argument(
        "--redis",
        action="store_true",
        help="live events and counters through Redis, as a scaled-out deployment",
    )
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--mix-seconds", type=int, default=30)
    parser.add_argument("--read-seconds", type=int, default=15)
    parser.add_argument("--read-users", type=int, default=32)
    parser.add_argument("--workers", type=int, help="server processes (default 2)")
    parser.add_argument(
        "--locust-processes", type=int, default=1, help="load generator processes"
    )
    parser.add_argument("--soak", action="store_true", help="memory soak only")
    parser.add_argument("--soak-seconds", type=int, default=600)
    parser.add_argument(
        "--soak-warmup-seconds",
        type=int,
        default=300,
        help="of the mix before the soak is measured: what is bounded fills",
    )
    parser.add_argument("--out", type=Path, help="report path")
    parser.add_argument("--keep", type=Path, help="keep logs and CSVs in this folder")
    return parser.parse_args()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def _database(postgres: bool, folder: Path):
    """A new, empty database URL of the chosen kind, dropped afterwards."""
    if not postgres:
        yield f"sqlite+aiosqlite:///{folder / 'bench.db'}"
        return
    import asyncpg

    name = f"notetaker_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=5)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
        yield f"{base.replace('postgresql://', 'postgresql+asyncpg://', 1)}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@asynccontextmanager
async def _redis_prefix(enabled: bool):
    """A Redis key prefix of this run's own (None without Redis); its keys are
    deleted afterwards."""
    if not enabled:
        yield None
        return
    from redis.asyncio import Redis

    prefix = f"notetaker-bench-{uuid.uuid4().hex[:10]}:"
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=5)
    try:
        await client.ping()
    except Exception:
        await client.aclose()
        raise  # unreachable: fail here, before there is anything to clean up
    try:
        yield prefix
    finally:
        async for key in client.scan_iter(match=f"{prefix}*", count=500):
            await client.delete(key)
        await client.aclose()


@contextmanager
def _server(command: list[str], env: dict[str, str], log: Path):
    """A server process group, stopped (with its workers) on exit."""
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _tail(log: Path) -> str:
    return log.read_text()[-3000:]


async def _wait_ready(url: str, process: subprocess.Popen, log: Path) -> None:
    async with httpx.AsyncClient(timeout=2) as client:
        for _ in range(300):
            if process.poll() is not None:
                raise SystemExit(f"server exited:\n{_tail(log)}")
            try:
                if (await client.get(url)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"server not ready after 30 s; see {log}")


SEED_MESSAGES = (
    "remind me to call the dentist next Friday at 3pm, it's urgent",
    "note: the office wifi password is on the fridge",
    "buy milk tomorrow",
)


async def _prepare_account(client: httpx.AsyncClient, email: str) -> dict:
    body = {"email": email, "password": "bench password 123"}
    response = await client.post("/api/auth/register", json=body)
    response.raise_for_status()
    auth = {"Authorization": f"Bearer {response.json()['token']}"}
    conversation = await client.post("/api/conversations", json={}, headers=auth)
    conversation_id = conversation.json()["id"]
    for text in SEED_MESSAGES:
        await client.post(
            f"/api/conversations/{conversation_id}/message",
            json={"content": text},
            headers=auth,
        )
    token = response.json()["token"]
    return {"token": token, "conversation_id": conversation_id}


async def _prepare_accounts(base_url: str, count: int) -> list[dict]:
    """One account per virtual user, each with a few notes and tasks."""
    limit = asyncio.Semaphore(4)
    run = uuid.uuid4().hex[:8]
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:

        async def one(index: int) -> dict:
            async with limit:
                email = f"bench-{run}-{index}@example.com"
                return await _prepare_account(client, email)

        return await asyncio.gather(*(one(i) for i in range(count)))


def _run_locust(
    user_class: str,
    *,
    host: str,
    users: int,
    seconds: int,
    processes: int,
    folder: Path,
    accounts: Path | None,
) -> tuple[Path, float]:
    """Run one locust phase; its stats file and the CPU the load generator used."""
    prefix = folder / user_class
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--only-summary",
        "--users",
        str(users),
        "--spawn-rate",
        str(max(users // 2, 1)),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        "--reset-stats",
        "--host",
        host,
        "--csv",
        str(prefix),
        "--loglevel",
        "WARNING",
    ]
    if processes > 1:
        command += ["--processes", str(processes)]
    env = {**os.environ, "BENCH_PROCESSES": str(processes)}
    if accounts is not None:
        env["BENCH_ACCOUNTS"] = str(accounts)
    with (folder / f"{user_class}.log").open("w") as log:
        locust = subprocess.Popen(
            [*command, user_class], env=env, stdout=log, stderr=log
        )
    # The CPU of waited-for children: locust and the processes it forked.
    before, started = _children_cpu_seconds(), time.monotonic()
    try:
        locust.wait(timeout=seconds + 120)
    finally:
        locust.kill()
        locust.wait()
    cpu = _children_cpu_seconds() - before
    return Path(f"{prefix}_stats.csv"), 100 * cpu / (time.monotonic() - started)


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(
    name: str,
    user_class: str,
    users: int,
    seconds: int,
    *,
    sampler: ProcessSampler,
    **locust,
) -> Phase:
    sampler.start_phase()
    stats_file, generator_cpu = _run_locust(
        user_class, users=users, seconds=seconds, **locust
    )
    return Phase(
        name=name,
        users=users,
        stats=read_locust_stats(stats_file),
        generator_cpu_percent=generator_cpu,
        **sampler.end_phase(),
    )


async def _phase(*args, **kwargs) -> Phase:
    """One locust run, off the event loop (it blocks until locust is done)."""
    return await asyncio.to_thread(_measure, *args, **kwargs)


def _app_env(database_url: str, redis_prefix: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "NOTETAKER_DATABASE_URL": database_url,
        "NOTETAKER_LOG_LEVEL": "INFO",
    }
    if redis_prefix is not None:
        env["NOTETAKER_REDIS_URL"] = REDIS_URL
        env["NOTETAKER_REDIS_PREFIX"] = redis_prefix
    return env


async def _bench(args: argparse.Namespace, folder: Path) -> str:
    workers = args.workers or 2
    async with (
        _database(args.postgres, folder) as database_url,
        _redis_prefix(args.redis) as redis_prefix,
    ):
        env = _app_env(database_url, redis_prefix)
        phases = await _app_phases(args, folder, env, workers)
    if not args.soak:
        phases.append(await _bare_phase(args, folder, workers))
    mode = "postgresql" if args.postgres else "sqlite"
    return render_report(
        mode=mode, workers=workers, args=vars(args), phases=phases, soak=args.soak
    )


async def _app_phases(
    args: argparse.Namespace, folder: Path, env: dict[str, str], workers: int
) -> list[Phase]:
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    serve = [str(BIN / "notetaker"), "serve", "--host", "127.0.0.1"]
    serve += ["--port", str(port), "--workers", str(workers)]
    log = folder / "server.log"
    with _server(serve, env, log) as server:
        await _wait_ready(f"{host}/api/health/ready", server, log)
        accounts = folder / "accounts.json"
        accounts.write_text(json.dumps(await _prepare_accounts(host, args.users)))
        common = {
            "sampler": ProcessSampler(server.pid),
            "host": host,
            "processes": args.locust_processes,
            "folder": folder,
            "accounts": accounts,
        }
        if args.soak:
            seconds = args.soak_warmup_seconds + args.soak_seconds
            return [await _phase("soak", "MixUser", args.users, seconds, **common)]
        return [
            await _phase("mix", "MixUser", args.users, args.mix_seconds, **common),
            await _phase(
                "reads", "ReadUser", args.read_users, args.read_seconds, **common
            ),
        ]


async def _bare_phase(args: argparse.Namespace, folder: Path, workers: int) -> Phase:
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    command = [str(BIN / "uvicorn"), "bench.bare:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--no-access-log"]
    log = folder / "bare.log"
    with _server(command, dict(os.environ), log) as server:
        await _wait_ready(f"{host}/", server, log)
        return await _phase(
            "bare",
            "BareUser",
            args.read_users,
            args.read_seconds,
            sampler=ProcessSampler(server.pid),
            host=host,
            processes=args.locust_processes,
            folder=folder,
            accounts=None,
        )


def main() -> None:
    args = _arguments()
    mode = "postgresql" if args.postgres else "sqlite"
    kind = "soak" if args.soak else "latest"
    with_redis = "-redis" if args.redis else ""
    out = args.out or ROOT / "docs" / "bench" / f"{kind}-{mode}{with_redis}.md"
    started = time.monotonic()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = asyncio.run(_bench(args, args.keep.resolve()))
    else:
        with tempfile.TemporaryDirectory(prefix="notetaker-bench-") as folder:
            report = asyncio.run(_bench(args, Path(folder)))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    print(report)
    print(f"(written to {out} in {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
