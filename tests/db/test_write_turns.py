"""Writers on one SQLite file queue through a lock file, without blocking the loop."""

import asyncio
import fcntl
import os
import threading
import time

from sqlalchemy import text

from notetaker.core.config import Settings
from notetaker.db import migrations
from notetaker.db.database import Database
from notetaker.db.write_turns import WriteTurns
from notetaker.events import InProcessHub


class OtherProcess:
    """Holds the lock file as another server process would (flock locks belong to
    an open file, so a second open in this process stands in for another one)."""

    def __init__(self, database_path) -> None:
        self._fd = os.open(f"{database_path}.write-lock", os.O_RDWR | os.O_CREAT)

    def take(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def take_now(self) -> None:
        """Raises BlockingIOError while anyone else holds the file."""
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)


async def _take_turn(turns: WriteTurns) -> None:
    async with turns.turn():
        pass


async def test_write_turn_waits_for_other_process_without_blocking_loop(tmp_path):
    turns = WriteTurns(tmp_path / "app.db")
    other = OtherProcess(tmp_path / "app.db")
    other.take()
    entered = asyncio.Event()

    async def write() -> None:
        async with turns.turn():
            entered.set()

    writer = asyncio.create_task(write())
    # Were the loop blocked by the wait, these ticks would start only once the
    # other process lets go, a second from now.
    threading.Timer(1.0, other.release).start()
    started = time.monotonic()
    for _ in range(20):
        await asyncio.sleep(0.005)
    assert time.monotonic() - started < 0.9
    assert not entered.is_set()

    await asyncio.wait_for(writer, timeout=5)
    assert entered.is_set()
    turns.close()


async def test_write_turn_leaves_file_free_while_own_loop_is_busy(tmp_path):
    turns = WriteTurns(tmp_path / "app.db")
    first = OtherProcess(tmp_path / "app.db")
    first.take()

    writer = asyncio.create_task(_take_turn(turns))
    await asyncio.sleep(0.05)  # waiting for the file now
    first.release()
    time.sleep(0.2)  # noqa: ASYNC251 - a busy loop, on purpose: the writer cannot run

    second = OtherProcess(tmp_path / "app.db")
    second.take_now()  # so it is free for the process that can
    second.release()
    await asyncio.wait_for(writer, timeout=5)
    turns.close()


async def test_write_turn_in_one_process_goes_in_order(tmp_path):
    turns = WriteTurns(tmp_path / "app.db")
    order: list[str] = []

    async def write(name: str) -> None:
        async with turns.turn():
            order.append(f"{name} in")
            await asyncio.sleep(0.01)
            order.append(f"{name} out")

    await asyncio.gather(write("a"), write("b"))

    assert order == ["a in", "a out", "b in", "b out"]
    turns.close()


async def test_write_turn_cancelled_while_waiting_gives_lock_back(tmp_path):
    turns = WriteTurns(tmp_path / "app.db")
    other = OtherProcess(tmp_path / "app.db")
    other.take()

    waiting = asyncio.create_task(_take_turn(turns))
    await asyncio.sleep(0.05)
    waiting.cancel()
    other.release()
    await asyncio.sleep(0.1)

    # The abandoned wait must not keep the lock: a new writer gets in at once.
    async with asyncio.timeout(2), turns.turn():
        pass
    turns.close()


async def test_sqlite_write_waits_for_turn_then_commits(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/app.db"
    settings = Settings(database_url=url, _env_file=None)
    await asyncio.to_thread(migrations.upgrade, settings)
    database = Database(settings, InProcessHub())
    other = OtherProcess(tmp_path / "app.db")
    other.take()

    async def write() -> None:
        async with database.transaction() as session:
            await session.execute(text("CREATE TABLE scratch (n INTEGER)"))
            await session.execute(text("INSERT INTO scratch VALUES (1)"))

    writer = asyncio.create_task(write())
    await asyncio.sleep(0.1)
    assert not writer.done()

    other.release()
    await asyncio.wait_for(writer, timeout=5)
    async with database.transaction(write=False) as session:
        assert await session.scalar(text("SELECT n FROM scratch")) == 1
    await database.dispose()
