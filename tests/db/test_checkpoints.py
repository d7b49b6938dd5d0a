"""Commits leave WAL checkpoints to a background task, which runs them in a thread."""

import asyncio

from sqlalchemy import text

from notetaker.core.config import Settings
from notetaker.db.checkpoints import Checkpoints
from notetaker.db.database import Database
from notetaker.events import InProcessHub

PAGE = 4096


async def _write_pages(database: Database, pages: int) -> None:
    async with database.transaction() as session:
        await session.execute(text("CREATE TABLE filler (blob BLOB)"))
    for _ in range(pages // 10):
        async with database.transaction() as session:
            for _ in range(10):
                await session.execute(
                    text("INSERT INTO filler VALUES (randomblob(4000))")
                )


async def test_commits_leave_checkpoint_to_background(tmp_path):
    path = tmp_path / "app.db"
    url = f"sqlite+aiosqlite:///{path}"
    database = Database(Settings(database_url=url, _env_file=None), InProcessHub())

    # Past the 1,000 pages at which SQLite's own COMMIT would copy the log back
    # and start it over: here the log keeps growing until a checkpoint runs.
    await _write_pages(database, 3000)
    assert (tmp_path / "app.db-wal").stat().st_size > 2500 * PAGE

    frames, copied = await asyncio.to_thread(Checkpoints(path).checkpoint)
    assert frames > 2500 and copied == frames
    await database.dispose()


async def test_checkpoints_run_until_cancelled(tmp_path, monkeypatch):
    runs = []
    checkpoints = Checkpoints(tmp_path / "app.db", every=0.01)
    monkeypatch.setattr(checkpoints, "checkpoint", lambda: runs.append(1) or (0, 0))

    background = asyncio.create_task(checkpoints.run())
    await asyncio.sleep(0.2)
    background.cancel()

    assert len(runs) >= 3
