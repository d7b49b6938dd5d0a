"""Commits leave WAL checkpoints to a background task, which runs them in a thread,
and which empties a long log while holding the write turn."""

import asyncio
import fcntl
import os
import sqlite3

from sqlalchemy import text

from notetaker.core.config import Settings
from notetaker.db.checkpoints import Checkpoints
from notetaker.db.database import Database
from notetaker.db.write_turns import WriteTurns
from notetaker.events import InProcessHub

PAGE = 4096


async def _write_pages(database: Database, pages: int) -> None:
    async with database.transaction() as session:
        await session.execute(text("CREATE TABLE filler (blob BLOB)"))
    await _write_pages_more(database, pages)


async def _write_pages_more(database: Database, pages: int) -> None:
    for _ in range(pages // 10):
        async with database.transaction() as session:
            for _ in range(10):
                await session.execute(
                    text("INSERT INTO filler VALUES (randomblob(4000))")
                )


def _database(path) -> Database:
    url = f"sqlite+aiosqlite:///{path}"
    return Database(Settings(database_url=url, _env_file=None), InProcessHub())


async def _run_checkpoints(checkpoints: Checkpoints, seconds: float) -> None:
    background = asyncio.create_task(checkpoints.run())
    await asyncio.sleep(seconds)
    background.cancel()
    await asyncio.gather(background, return_exceptions=True)


async def test_commits_leave_checkpoint_to_background(tmp_path):
    path = tmp_path / "app.db"
    database = _database(path)

    # Past the 1,000 pages at which SQLite's own COMMIT would copy the log back
    # and start it over: here the log keeps growing until a checkpoint runs.
    await _write_pages(database, 3000)
    assert (tmp_path / "app.db-wal").stat().st_size > 2500 * PAGE

    checkpoints = Checkpoints(path, turns=WriteTurns(path))
    frames, copied = await asyncio.to_thread(checkpoints.checkpoint)
    assert frames > 2500 and copied == frames
    await database.dispose()


def _spy(checkpoints: Checkpoints, path) -> list[tuple[str, bool]]:
    """Records each checkpoint's mode and whether the write turn was held."""
    calls = []

    def held() -> bool:
        # flock locks belong to an open file: this one stands in for another process.
        probe = os.open(f"{path}.write-lock", os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(probe)

    def spying(mode: str, run):
        def spied():
            calls.append((mode, held()))
            return run()

        return spied

    checkpoints.checkpoint = spying("PASSIVE", checkpoints.checkpoint)
    checkpoints.restart = spying("RESTART", checkpoints.restart)
    return calls


def _watched(path) -> tuple[Checkpoints, list[tuple[str, bool]]]:
    """Quick checkpoints that RESTART past 2,000 frames, and the record of them."""
    checkpoints = Checkpoints(
        path, turns=WriteTurns(path), every=0.01, restart_frames=2000
    )
    return checkpoints, _spy(checkpoints, path)


async def test_long_log_is_restarted_under_the_write_turn(tmp_path):
    path = tmp_path / "app.db"
    database = _database(path)
    await _write_pages(database, 3000)
    turns = WriteTurns(path)
    checkpoints = Checkpoints(path, turns=turns, every=0.01, restart_frames=2000)
    calls = _spy(checkpoints, path)

    await _run_checkpoints(checkpoints, 0.2)
    turns.close()
    async with database.transaction() as session:
        await session.execute(text("INSERT INTO filler VALUES (randomblob(4000))"))

    assert ("PASSIVE", False) in calls and ("RESTART", True) in calls
    assert {mode for mode, held in calls if held} == {"RESTART"}
    # The write went to the start of the log.
    frames, _ = await asyncio.to_thread(checkpoints.checkpoint)
    assert frames < 10
    await database.dispose()


async def test_short_log_is_left_for_sqlite_to_start_over(tmp_path):
    path = tmp_path / "app.db"
    database = _database(path)
    await _write_pages(database, 1000)
    checkpoints, calls = _watched(path)

    await _run_checkpoints(checkpoints, 0.1)

    assert calls and {mode for mode, _ in calls} == {"PASSIVE"}
    await database.dispose()


async def test_restart_waits_neither_for_a_reader_nor_for_the_same_log(tmp_path):
    """A reader that keeps an old snapshot (a backup tool may hold one for good)
    leaves frames uncopied: no RESTART then, which would hold every writer for the
    reader's whole busy timeout each run. Nor a RESTART again while the log has not
    changed since the last one."""
    path = tmp_path / "app.db"
    database = _database(path)
    await _write_pages(database, 2100)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM filler").fetchone()
    await _write_pages_more(database, 1000)
    checkpoints, calls = _watched(path)

    await _run_checkpoints(checkpoints, 0.2)
    assert calls and {mode for mode, _ in calls} == {"PASSIVE"}

    reader.execute("COMMIT")
    reader.close()
    calls.clear()
    await _run_checkpoints(checkpoints, 0.2)
    assert [mode for mode, _ in calls].count("RESTART") == 1
    await database.dispose()


async def test_checkpoints_run_until_cancelled(tmp_path, monkeypatch):
    runs = []
    path = tmp_path / "app.db"
    checkpoints = Checkpoints(path, turns=WriteTurns(path), every=0.01)
    monkeypatch.setattr(checkpoints, "checkpoint", lambda: runs.append(1) or (0, 0))

    background = asyncio.create_task(checkpoints.run())
    await asyncio.sleep(0.2)
    background.cancel()

    assert len(runs) >= 3
