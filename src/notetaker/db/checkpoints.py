"""WAL checkpoints in a thread, once a second, instead of inside a COMMIT.

By default SQLite copies its write-ahead log back into the database file from
inside the COMMIT that makes the log pass 1,000 pages. Our statements run on the
event loop (`sqlite_on_loop`), so that copy, with its fsync, froze the process for
tens of milliseconds while its writer kept the write turn: under `make bench` the
other writers queued behind it for 100-150 ms. Our connections turn automatic
checkpoints off; each server process runs a PASSIVE checkpoint in a thread
instead, which neither waits for nor blocks readers and writers.

SQLite starts the log over only when a writer begins with every frame already
copied. Under steady load some writer commits while the checkpoint copies, so
that never happened: the log grew by about 15 pages a message, without end, and
its index, mapped into every worker, by 32 KiB every 4,096 pages. Once the log is
that long, a RESTART checkpoint run while this process holds the write turn
copies the few frames written meanwhile, waits for older readers, and so lets
the next writer start the log over (writers wait for it: 3-6 ms in-process).
"""

import asyncio
import logging
import sqlite3
from pathlib import Path

from notetaker.db.write_turns import WriteTurns

log = logging.getLogger(__name__)

PRAGMA = "wal_autocheckpoint=0"
# 16 MB of 4 KiB pages, and one 32 KiB block of the log's index.
RESTART_FRAMES = 4096
# Readers that began before the copy ended keep the log until they end; writers
# wait meanwhile, so a reader slower than this only postpones the restart.
RESTART_WAIT_SECONDS = 0.05
# After a RESTART that could not finish (a reader held on), this many runs pass
# before the next try.
RESTART_BACKOFF_RUNS = 30


class Checkpoints:
    def __init__(
        self,
        database_path: Path,
        *,
        turns: WriteTurns,
        every: float = 1.0,
        restart_frames: int = RESTART_FRAMES,
    ) -> None:
        self._path = database_path
        self._turns = turns
        self._every = every
        self._restart_frames = restart_frames
        self._connection: sqlite3.Connection | None = None

    async def run(self) -> None:
        """Until cancelled."""
        # The log's length at the last RESTART, and runs to skip after a failed one.
        restarted_at, pause = 0, 0
        try:
            while True:
                await asyncio.sleep(self._every)
                frames, copied = await asyncio.to_thread(self.checkpoint)
                pause = max(pause - 1, 0)
                if pause or not self._restart_due(frames, copied, restarted_at):
                    continue
                async with self._turns.turn():
                    done = await asyncio.to_thread(self.restart)
                restarted_at, pause = frames, 0 if done else RESTART_BACKOFF_RUNS
        finally:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _restart_due(self, frames: int, copied: int, restarted_at: int) -> bool:
        # A frame left uncopied means a reader still needs the log (a backup tool
        # may hold one for good): a RESTART would hold the turn waiting in vain.
        # The same length as at the last RESTART means no writer has started the
        # log over yet; there is nothing to do until one has.
        return (
            frames >= self._restart_frames
            and copied == frames
            and frames != restarted_at
        )

    def checkpoint(self) -> tuple[int, int]:
        """One PASSIVE checkpoint (blocking): the log's frames and those copied."""
        _, frames, copied = self._pragma("PASSIVE")
        return frames, copied

    def restart(self) -> bool:
        """One RESTART checkpoint (blocking); whether it finished, so that the next
        writer starts the log over.

        It takes SQLite's write lock, so run it only while holding the write turn:
        a writer that found the lock taken would poll for it (see `write_turns`)."""
        busy, _, _ = self._pragma("RESTART")
        return not busy

    def _pragma(self, mode: str) -> tuple[int, int, int]:
        if self._connection is None:
            # Used by one thread at a time: each run waits for the one before.
            self._connection = sqlite3.connect(
                self._path, timeout=RESTART_WAIT_SECONDS, check_same_thread=False
            )
        try:
            row = self._connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        except sqlite3.OperationalError as error:
            # Another process checkpointing at the same moment; the next run catches up.
            log.debug(
                "sqlite.checkpoint_skipped", extra={"error": type(error).__name__}
            )
            return 1, 0, 0
        return row
