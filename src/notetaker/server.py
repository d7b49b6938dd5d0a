"""Serving the app with uvicorn, in one process or several.

Several uvicorn workers normally share one listening socket, and whichever process
wakes first accepts every connection waiting: under `make bench`, one of two workers
got most of the 200 keep-alive connections and ran at a full core while the other
idled. On Linux each worker here binds a socket of its own with SO_REUSEPORT, and
the kernel spreads new connections evenly over them.

Each served app also hides what start-up built from the garbage collector (see
`served_app`).

On Linux the supervising process never imports the app: it would hold the app's
libraries (about 70 MB) for nothing while the workers serve. For the same reason it
applies the migrations in a short-lived process of their own.
"""

import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import sys
from types import FrameType
from typing import TYPE_CHECKING

import uvicorn

from notetaker.core.config import get_settings
from notetaker.core.logging import configure_logging

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

APP = "notetaker.server:served_app"


def served_app() -> "FastAPI":
    """The app, with every object built so far out of the collector's sight.

    Start-up leaves the engine's word lists, SQLAlchemy's and pydantic's schemas
    and the imported modules: large containers that live as long as the process.
    Each full collection walked them all, about 90 ms during which the worker
    answered nothing, several times a minute under load; it was most of the
    slowest 1 % of requests in `make bench`. Frozen, they are never walked again
    (and cycles among them, of which start-up leaves none worth having, are never
    freed).
    """
    from notetaker.app import create_app

    app = create_app()
    gc.collect()
    gc.freeze()
    return app


def serve(*, host: str, port: int, workers: int, migrate: bool = True) -> None:
    """Serve until stopped, after bringing the schema up to date unless told not to."""
    # Each worker reads this through its settings and, knowing it has siblings,
    # shares live events with them (spawned processes inherit the environment).
    os.environ["NOTETAKER_WORKERS"] = str(workers)
    get_settings.cache_clear()  # read before the flag: one process builds the app here
    if workers == 1 or not _spreads_connections():
        if migrate:
            _upgrade_schema()
        uvicorn.run(
            APP, factory=True, host=host, port=port, workers=workers, **_OPTIONS
        )
        return
    if migrate:
        _upgrade_schema_apart()
    _supervise(host, port, workers)


def _upgrade_schema() -> None:
    from notetaker.db import migrations

    migrations.upgrade(get_settings())


def _upgrade_schema_apart() -> None:
    """The migrations in a process of their own, so that what they import is
    freed with it.

    A signal that stops this process stops the migrations too: a process manager
    that signals only its child must not leave them running with no parent.
    """
    spawn = multiprocessing.get_context("spawn")
    process = spawn.Process(target=_upgrade_schema_logged, name="migrations")
    process.start()

    def stop(_signum: int, _frame: FrameType | None) -> None:
        process.terminate()

    before = {number: signal.signal(number, stop) for number in _STOP_SIGNALS}
    try:
        process.join()
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    if process.exitcode != 0:
        raise SystemExit(f"the migrations failed (exit code {process.exitcode})")


def _upgrade_schema_logged() -> None:
    # A spawned process starts with logging unconfigured.
    configure_logging(get_settings().log_level)
    _upgrade_schema()


_OPTIONS = {"log_config": None, "access_log": False}
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _spreads_connections() -> bool:
    # Elsewhere SO_REUSEPORT exists but hands every connection to one socket.
    return sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")


def _supervise(host: str, port: int, workers: int) -> None:
    """Run the workers until a signal or until one of them stops; a worker that
    dies takes the others with it, so a process manager sees the failure."""
    spawn = multiprocessing.get_context("spawn")
    processes = [
        spawn.Process(target=_worker, args=(host, port), name=f"worker-{n}")
        for n in range(workers)
    ]
    for process in processes:
        process.start()
    log.info("server.started", extra={"workers": workers, "port": port})

    def stop(signum: int, _frame: FrameType | None) -> None:
        for process in processes:
            if process.is_alive():
                process.terminate()

    for number in _STOP_SIGNALS:
        signal.signal(number, stop)
    multiprocessing.connection.wait([p.sentinel for p in processes])
    stop(signal.SIGTERM, None)
    for process in processes:
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
            process.join()
    failed = [p.exitcode for p in processes if p.exitcode not in (0, -signal.SIGTERM)]
    if failed:
        raise SystemExit(failed[0])


def _worker(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind((host, port))
    config = uvicorn.Config(APP, factory=True, host=host, port=port, **_OPTIONS)
    uvicorn.Server(config).run(sockets=[listener])
