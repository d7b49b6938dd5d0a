"""Writers on one SQLite file take turns through a lock file, in every process.

SQLite lets one writer in at a time and makes the others poll: its busy handler
sleeps for up to 100 ms between tries, so under load a writer waited for seconds
while the lock sat free. A file lock queues them instead; the kernel wakes the next
waiter as soon as it is released. Inside a process an asyncio lock lines writers
up first, so at most one thread per process waits on the file.
"""

import asyncio
import contextlib
import fcntl
import os
from collections.abc import AsyncIterator
from pathlib import Path


class WriteTurns:
    def __init__(self, database_path: Path) -> None:
        self._path = database_path.with_name(database_path.name + ".write-lock")
        self._fd: int | None = None
        self._in_process = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self._in_process:
            fd = self._file()
            await _lock(fd)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _file(self) -> int:
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        return self._fd


async def _lock(fd: int) -> None:
    with contextlib.suppress(BlockingIOError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    # Another process is writing: wait for it in a thread, not on the event loop.
    waiting = asyncio.get_running_loop().run_in_executor(
        None, fcntl.flock, fd, fcntl.LOCK_EX
    )
    try:
        await asyncio.shield(waiting)
    except asyncio.CancelledError:
        # The thread still gets the lock in the end; hand it straight back.
        waiting.add_done_callback(lambda _: fcntl.flock(fd, fcntl.LOCK_UN))
        raise
