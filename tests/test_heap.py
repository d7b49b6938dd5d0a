"""Free heap pages go back to the system, even those below blocks still in use."""

import asyncio
from pathlib import Path

import pytest

from notetaker.core import heap

needs_malloc_trim = pytest.mark.skipif(
    not heap.trim(), reason="this C library has no malloc_trim (glibc has)"
)


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def _fragmented_heap() -> list[bytes]:
    """About 64 MB of blocks from malloc (too big for Python's own allocator),
    of which one in a hundred stays: free pages below live blocks, which glibc
    keeps."""
    # Each written to, so that every page is resident (calloc's may not be).
    blocks = [n.to_bytes(4, "little") * 512 for n in range(32_000)]
    return blocks[::100]


@needs_malloc_trim
def test_trim_returns_free_pages_below_live_blocks():
    kept = _fragmented_heap()
    before = _rss_mb()

    assert heap.trim()

    assert before - _rss_mb() > 32, (before, _rss_mb())
    assert all(len(block) == 2048 for block in kept)


async def test_trim_periodically_trims_until_cancelled(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "_TRIM", calls.append)

    task = asyncio.create_task(heap.trim_periodically(every=0.01))
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert len(calls) >= 3
    assert set(calls) == {0}


def test_trim_does_nothing_without_malloc_trim(monkeypatch):
    monkeypatch.setattr(heap, "_TRIM", None)

    assert heap.trim() is False
    asyncio.run(heap.trim_periodically(every=0))  # returns at once
