"""CPU and memory of a server process and its workers, phase by phase."""

import os
import threading
import time

import psutil


def _tree(root: psutil.Process) -> list[psutil.Process]:
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _rss_mb(processes: list[psutil.Process]) -> float:
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / 2**20


def _busy_percent(start) -> float:
    """Share of all cores' time, since `start`, that was not idle."""
    end = psutil.cpu_times()
    idle = (end.idle + end.iowait) - (start.idle + start.iowait)
    total = sum(end) - sum(start)
    return 100 * (1 - idle / total) if total else 0.0


class ProcessSampler:
    """Mean CPU over a phase (from CPU times) and RSS sampled once a second."""

    def __init__(self, pid: int, *, interval: float = 1.0) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self._stop = threading.Event()
        self._rss: list[tuple[float, float]] = []  # (seconds since start, MB)

    def start_phase(self) -> None:
        self._processes = _tree(self.root)
        self._cpu_start = _cpu_seconds(self._processes)
        self._wall_start = time.monotonic()
        self._rss = [(0.0, _rss_mb(self._processes))]
        self._machine_start = psutil.cpu_times()
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self._rss.append((self._elapsed(), _rss_mb(self._processes)))

    def _elapsed(self) -> float:
        return time.monotonic() - self._wall_start

    def _by_minute(self) -> list[float]:
        """The sample nearest each whole minute since the start: samples drift
        later than their interval, so the 60th is not the first minute's."""
        last = self._rss[-1][0]
        return [
            min(self._rss, key=lambda sample: abs(sample[0] - 60 * minute))[1]
            for minute in range(int(last // 60) + 1)
        ]

    def end_phase(self) -> dict:
        self._stop.set()
        self._thread.join()
        self._rss.append((self._elapsed(), _rss_mb(self._processes)))
        wall = self._elapsed()
        cpu = _cpu_seconds(self._processes) - self._cpu_start
        return {
            "seconds": wall,
            "machine_busy_percent": _busy_percent(self._machine_start),
            "load_average": os.getloadavg()[0],
            "cpu_percent": 100 * cpu / wall,
            "rss_start_mb": self._rss[0][1],
            "rss_end_mb": self._rss[-1][1],
            "rss_peak_mb": max(mb for _, mb in self._rss),
            "rss_by_minute": self._by_minute(),
        }
