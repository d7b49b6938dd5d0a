"""`notetaker serve --workers 2`: the kernel spreads connections over both workers."""

import gc
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from notetaker.core.config import get_settings
from notetaker.server import served_app

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="SO_REUSEPORT spreads connections on Linux only"
)

CONNECTIONS = 40


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("the server did not answer within 60 s")


def _wait_listening(port: int, *, sockets: int) -> None:
    """Each worker listens on a socket of its own once it has started."""
    deadline = time.monotonic() + 30
    while _listeners(port) < sockets:
        assert time.monotonic() < deadline, f"{_listeners(port)} listening socket(s)"
        time.sleep(0.1)


def _listeners(port: int) -> int:
    return sum(1 for state, local, _ in _sockets() if local == port and state == "0A")


def _sockets():
    """(state, local port, inode) of every TCP socket on the machine."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            yield fields[3], int(fields[1].rsplit(":", 1)[1], 16), fields[9]


def _workers(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def _established(pid: int, port: int) -> int:
    """How many connections to `port` the process `pid` has accepted."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd) if fd.is_symlink() else ""
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return sum(
        1
        for state, local, inode in _sockets()
        if local == port and state == "01" and inode in inodes
    )


@contextmanager
def _two_workers(tmp_path: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    """`notetaker serve --workers 2`, ready; its process and port."""
    port = _free_port()
    env = {
        **os.environ,
        "NOTETAKER_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/app.db",
        "NOTETAKER_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "notetaker.cli", "serve"]
    command += ["--port", str(port), "--workers", "2"]
    with (tmp_path / "server.log").open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        _wait_ready(port, server)
        _wait_listening(port, sockets=2)
        yield server, port
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0


def test_serve_two_workers_share_connections(tmp_path):
    with _two_workers(tmp_path) as (server, port):
        # All at once, as a load generator opens them: a shared socket would let
        # the first worker to wake accept nearly all of them.
        address = ("127.0.0.1", port)
        clients = [socket.create_connection(address) for _ in range(CONNECTIONS)]
        for client in clients:
            client.sendall(b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n")
        for client in clients:
            assert client.recv(4096).startswith(b"HTTP/1.1 200")

        per_worker = [_established(pid, port) for pid in _workers(server.pid)]

        assert len(per_worker) == 2
        assert sum(per_worker) == CONNECTIONS
        assert min(per_worker) >= CONNECTIONS // 4, per_worker
        for client in clients:
            client.close()


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def test_serve_supervisor_holds_no_app(tmp_path):
    with _two_workers(tmp_path) as (server, _port):
        supervisor = _rss_mb(server.pid)
        workers = [_rss_mb(pid) for pid in _workers(server.pid)]

    # It migrated the schema in a process of its own and never imported the app:
    # when it did both itself it held 113 MB, beside workers of 122 MB.
    assert len(workers) == 2
    assert supervisor < min(workers) / 2, (supervisor, workers)


def test_served_app_leaves_start_up_out_of_full_collections(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("NOTETAKER_DATABASE_URL", f"sqlite:///{tmp_path}/app.db")
    get_settings.cache_clear()
    try:
        served_app()
        frozen = gc.get_freeze_count()
        left_to_walk = len(gc.get_objects(generation=2))
    finally:
        gc.unfreeze()
        get_settings.cache_clear()

    # A full collection would otherwise walk every one of them, every time.
    assert frozen > 50_000
    assert left_to_walk < 1_000


def _serve_two_workers(env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "notetaker.cli", "serve"]
    command += ["--port", str(_free_port()), "--workers", "2"]
    with log.open("w") as out:
        return subprocess.Popen(command, env={**os.environ, **env}, stderr=out)


def test_serve_failed_migration_exits_with_its_reason(tmp_path):
    with socket.socket() as closed:  # bound, never listening: connections refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        url = f"postgresql+asyncpg://nobody@127.0.0.1:{port}/none"
        server = _serve_two_workers(
            {"NOTETAKER_DATABASE_URL": url}, tmp_path / "server.log"
        )
        code = server.wait(timeout=60)

    assert code == 1
    log = (tmp_path / "server.log").read_text()
    assert "the migrations failed (exit code 1)" in log


def test_serve_stopped_during_migration_stops_it(tmp_path):
    database = tmp_path / "app.db"
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # the migration waits (up to 5 s) for it
    url = f"sqlite+aiosqlite:///{database}"
    server = _serve_two_workers(
        {"NOTETAKER_DATABASE_URL": url}, tmp_path / "server.log"
    )
    try:
        (migration,) = _wait_for_children(server.pid, count=1)

        server.send_signal(signal.SIGTERM)

        assert server.wait(timeout=4) == 1
        assert not Path(f"/proc/{migration}").exists()
    finally:
        server.kill()
        holder.close()


def _wait_for_children(parent: int, *, count: int) -> list[int]:
    deadline = time.monotonic() + 30
    while len(found := _workers(parent)) < count:
        assert time.monotonic() < deadline, "no child process started"
        time.sleep(0.05)
    return found
