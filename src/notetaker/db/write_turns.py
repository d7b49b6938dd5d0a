"""Writers on one SQLite file take turns through a lock file, in every process.

SQLite lets one writer in at a time and makes the others poll: its busy handler
sleeps for up to 100 ms between tries, so under load a writer waited for seconds
while the lock sat free. A file lock wakes a waiter as soon as it is released
instead; the file is taken only by a writer about to write (see `_lock`). Inside a
process an asyncio lock lines writers up first, so at most one thread per process
waits on the file.
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
            await _lock(fd, self._path)
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


async def _lock(fd: int, path: Path) -> None:
    """Take the file only when this event loop is ready to write at once.

    A waiting thread that kept the lock it was woken with would hold it until this
    loop got round to the writer, and every other process would wait for this
    loop's other work too. It hands the file straight back instead, and the loop
    tries again."""
    loop = asyncio.get_running_loop()
    while True:
        with contextlib.suppress(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        # Cancelled meanwhile, the thread still ends by itself, holding nothing.
        await loop.run_in_executor(None, _wait_until_free, path)


def _wait_until_free(path: Path) -> None:
    # A file description of its own: flock locks belong to one, and on the
    # writers' own a lock this thread took would be theirs, and its release too.
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    finally:
        os.close(fd)  # lets go of the lock with the description
