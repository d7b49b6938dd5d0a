"""WAL checkpoints in a thread, once a second, instead of inside a COMMIT.

By default SQLite copies its write-ahead log back into the database file from
inside the COMMIT that makes the log pass 1,000 pages. Our statements run on the
event loop (`sqlite_on_loop`), so that copy, with its fsync, froze the process for
tens of milliseconds while its writer kept the write turn: under `make bench` the
other writers queued behind it for 100-150 ms. Our connections turn automatic
checkpoints off; each server process runs a PASSIVE checkpoint in a thread
instead, which neither waits for nor blocks readers and writers.
"""

import asyncio
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

PRAGMA = "wal_autocheckpoint=0"


class Checkpoints:
    def __init__(self, database_path: Path, *, every: float = 1.0) -> None:
        self._path = database_path
        self._every = every
        self._connection: sqlite3.Connection | None = None

    async def run(self) -> None:
        """Until cancelled."""
        try:
            while True:
                await asyncio.sleep(self._every)
                await asyncio.to_thread(self.checkpoint)
        finally:
            if self._connection is not None:
                self._connection.close()

    def checkpoint(self) -> tuple[int, int]:
        """One PASSIVE checkpoint (blocking): the log's frames and those copied."""
        if self._connection is None:
            # Used by one thread at a time: each run waits for the one before.
            self._connection = sqlite3.connect(self._path, check_same_thread=False)
        try:
            row = self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.OperationalError as error:
            # Another process checkpointing at the same moment; the next run catches up.
            log.debug(
                "sqlite.checkpoint_skipped", extra={"error": type(error).__name__}
            )
            return 0, 0
        _, frames, copied = row
        return frames, copied
