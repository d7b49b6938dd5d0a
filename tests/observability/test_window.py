"""The rolling window: percentiles within a bin, old buckets forgotten."""

import pytest

from notetaker.observability.window import RollingWindow


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_compute_percentiles_within_bin_width():
    window = RollingWindow(clock=FakeClock())
    for ms in range(1, 101):
        window.record("http", "GET /x", float(ms), error=False)

    (stats,) = window.totals("http").values()
    p50, p95, p99 = stats.percentiles(0.50, 0.95, 0.99)

    assert p50 == pytest.approx(50, rel=0.05)
    assert p95 == pytest.approx(95, rel=0.05)
    assert p99 == pytest.approx(99, rel=0.05)


def test_count_errors_per_key():
    window = RollingWindow(clock=FakeClock())
    window.record("http", "a", 1.0, error=True)
    window.record("http", "a", 1.0, error=False)
    window.record("http", "b", 1.0, error=False)

    totals = window.totals("http")

    assert (totals["a"].count, totals["a"].errors) == (2, 1)
    assert (totals["b"].count, totals["b"].errors) == (1, 0)


def test_forget_samples_older_than_window():
    clock = FakeClock()
    window = RollingWindow(bucket_seconds=5, buckets=4, clock=clock)
    window.record("http", "old", 1.0, error=False)

    clock.now += 20
    window.record("http", "new", 1.0, error=False)

    assert set(window.totals("http")) == {"new"}
    assert len(window.live_buckets()) == 1


def test_hold_fixed_memory_under_heavy_traffic():
    clock = FakeClock()
    window = RollingWindow(bucket_seconds=1, buckets=10, clock=clock)
    for step in range(50_000):
        clock.now += 0.001
        window.record("http", "GET /x", float(step % 900 + 1), error=False)

    buckets = window.live_buckets()
    bins = sum(len(s["http"]["GET /x"].bins) for _, s in buckets)

    assert len(buckets) == 10
    # Counts grow, the histograms do not: 1-900 ms spans under 240 bins of 5 %.
    assert bins <= 10 * 240
    # The last 10 s of 50 s of traffic at 1,000 per second (the newest bucket
    # is still filling).
    assert 9_000 <= window.totals("http")["GET /x"].count <= 10_000


def test_report_nothing_for_empty_stats():
    window = RollingWindow(clock=FakeClock())

    assert window.totals("ai") == {}
