"""A rolling window of recent timings that holds a fixed amount of memory.

Time is cut into buckets (5 s each, 60 of them: the last five minutes). Each
bucket keeps, per key, a count, an error count and a log-scale histogram of
durations, never the samples themselves: memory depends on the number of routes
and buckets, not on traffic. Percentiles read from the histogram are within the
bin width (5 %) of the true value.
"""

import math
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

_BIN_GROWTH = 1.05
_SMALLEST_MS = 0.01
_LOG_GROWTH = math.log(_BIN_GROWTH)


def _bin_of(ms: float) -> int:
    if ms <= _SMALLEST_MS:
        return 0
    return math.ceil(math.log(ms / _SMALLEST_MS) / _LOG_GROWTH)


def _upper_ms(bin_index: int) -> float:
    return _SMALLEST_MS * _BIN_GROWTH**bin_index


@dataclass(slots=True)
class Stats:
    """Counts and a duration histogram for one key in one bucket (or merged)."""

    count: int = 0
    errors: int = 0
    bins: Counter = field(default_factory=Counter)

    def add(self, ms: float, *, error: bool) -> None:
        self.count += 1
        self.errors += error
        self.bins[_bin_of(ms)] += 1

    def merge(self, other: "Stats") -> None:
        self.count += other.count
        self.errors += other.errors
        self.bins.update(other.bins)

    def percentiles(self, *quantiles: float) -> list[float | None]:
        if not self.count:
            return [None for _ in quantiles]
        ranks = [max(1, math.ceil(q * self.count)) for q in quantiles]
        found: dict[int, float] = {}
        seen = 0
        for bin_index in sorted(self.bins):
            seen += self.bins[bin_index]
            for rank in ranks:
                if rank not in found and seen >= rank:
                    found[rank] = round(_upper_ms(bin_index), 2)
        return [found[rank] for rank in ranks]


@dataclass(slots=True)
class _Bucket:
    epoch: int = -1
    series: dict[str, dict[Hashable, Stats]] = field(default_factory=dict)

    def stats(self, series: str, key: Hashable) -> Stats:
        table = self.series.setdefault(series, {})
        found = table.get(key)
        if found is None:
            found = table[key] = Stats()
        return found


class RollingWindow:
    """Recent requests, engine calls and queries, grouped by a key per series."""

    def __init__(
        self,
        *,
        bucket_seconds: int = 5,
        buckets: int = 60,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bucket_seconds = bucket_seconds
        self._buckets = [_Bucket() for _ in range(buckets)]
        self._clock = clock
        self._started = clock()

    @property
    def seconds(self) -> int:
        return self.bucket_seconds * len(self._buckets)

    def record(self, series: str, key: Hashable, ms: float, *, error: bool) -> None:
        epoch = int(self._clock() // self.bucket_seconds)
        bucket = self._buckets[epoch % len(self._buckets)]
        if bucket.epoch != epoch:
            bucket.epoch, bucket.series = epoch, {}
        bucket.stats(series, key).add(ms, error=error)

    def elapsed(self) -> float:
        """Seconds the window covers: its length, or less just after start."""
        return min(self.seconds, max(self._clock() - self._started, 1.0))

    def live_buckets(self) -> list[tuple[float, dict[str, dict[Hashable, Stats]]]]:
        """(start time, series) of each bucket still inside the window, oldest first."""
        oldest = int(self._clock() // self.bucket_seconds) - len(self._buckets) + 1
        live = [b for b in self._buckets if b.epoch >= oldest]
        live.sort(key=lambda b: b.epoch)
        return [(b.epoch * self.bucket_seconds, b.series) for b in live]

    def totals(self, series: str) -> dict[Hashable, Stats]:
        """Each key's stats merged over the window."""
        merged: dict[Hashable, Stats] = {}
        for _start, tables in self.live_buckets():
            for key, stats in tables.get(series, {}).items():
                merged.setdefault(key, Stats()).merge(stats)
        return merged


def merge_all(stats: Iterable[Stats]) -> Stats:
    total = Stats()
    for item in stats:
        total.merge(item)
    return total


WINDOW = RollingWindow()
"""The window of this process, fed by the middleware and the instruments."""
