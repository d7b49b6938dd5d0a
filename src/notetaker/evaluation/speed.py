"""How fast the built-in engine reads a message, and how much memory it holds."""

import gc
import statistics
import time
import tracemalloc
from pathlib import Path

from notetaker.evaluation.intents import OPEN_TASKS, REFERENCE, ZONE, read_records
from notetaker.evaluation.report import Section

REPEATS = 3
BUDGET_MS = 5.0  # the p95 the issue sets


def corpus_texts(corpora: Path) -> list[str]:
    return [
        record["text"]
        for path in sorted(corpora.glob("*.jsonl"))
        for record in read_records(path)
    ]


def loaded_engine_bytes() -> int:
    """Memory the engine holds once built: its modules' compiled rules and the object.

    Measured by importing the package fresh under tracemalloc, so it counts only
    what the engine itself allocates.
    """
    import sys

    saved = {n: m for n, m in sys.modules.items() if n.startswith("notetaker.engines")}
    for name in saved:
        del sys.modules[name]
    gc.collect()
    tracemalloc.start()
    try:
        from notetaker.engines.local import LocalEngine

        engine = LocalEngine()
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        sys.modules.update(saved)
    del engine
    return used


def timings_ms(texts: list[str]) -> list[float]:
    from notetaker.engines.base import EngineInput
    from notetaker.engines.local import LocalEngine

    engine = LocalEngine()
    messages = [
        EngineInput(text=t, now=REFERENCE, timezone=ZONE, open_tasks=OPEN_TASKS)
        for t in texts
    ]
    for message in messages[:50]:  # warm caches, as a running server has
        engine.understand(message)
    samples = []
    for _ in range(REPEATS):
        for message in messages:
            started = time.perf_counter()
            engine.understand(message)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def evaluate(corpora: Path) -> list[Section]:
    texts = corpus_texts(corpora)
    samples = sorted(timings_ms(texts))
    centiles = statistics.quantiles(samples, n=100)
    p50, p95, p99 = centiles[49], centiles[94], centiles[98]
    memory = loaded_engine_bytes()
    return [
        Section(
            title="Speed: LocalEngine.understand per message",
            header=[
                "messages",
                "runs",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "engine memory",
            ],
            rows=[
                [
                    str(len(texts)),
                    str(len(samples)),
                    f"{p50:.2f}",
                    f"{p95:.2f}",
                    f"{p99:.2f}",
                    f"{samples[-1]:.2f}",
                    f"{memory / 1024:.0f} KiB",
                ]
            ],
            notes=[
                f"Every text of every corpus, {REPEATS} times, with {len(OPEN_TASKS)} "
                f"open tasks to match updates against; budget p95 < {BUDGET_MS} ms "
                f"({'met' if p95 < BUDGET_MS else 'NOT met'}).",
                "Memory: what importing and building the engine allocates "
                "(tracemalloc), i.e. its compiled rules and tables.",
            ],
        )
    ]
