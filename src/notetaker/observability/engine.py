"""Timing of the understanding engine: one span and one sample per message."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from notetaker.observability.metrics import AI_LATENCY
from notetaker.observability.tracing import tracer
from notetaker.observability.window import WINDOW


@dataclass(slots=True)
class EngineCall:
    """The labels of one engine call: the block names the engine and model that
    answered, and how (ok, fallback or cache_hit); "error" if it raises."""

    engine: str
    model: str
    outcome: str = "ok"

    def answered(self, engine: str, model: str | None, outcome: str) -> None:
        self.engine, self.model, self.outcome = engine, model or "none", outcome


@contextmanager
def observe_engine(engine: object) -> Iterator[EngineCall]:
    """Time the block as one call of `engine` (a chain, until the block says
    which of its engines answered)."""
    call = EngineCall(
        engine=getattr(engine, "name", type(engine).__name__),
        model=getattr(engine, "model", None) or "none",
    )
    started = time.perf_counter()
    with tracer.start_as_current_span("engine.understand") as span:
        try:
            yield call
        except BaseException:
            call.outcome = "error"
            raise
        finally:
            seconds = time.perf_counter() - started
            span.set_attributes(
                {
                    "ai.engine": call.engine,
                    "ai.model": call.model,
                    "ai.outcome": call.outcome,
                }
            )
            _record(call, seconds)


def _record(call: EngineCall, seconds: float) -> None:
    AI_LATENCY.labels(
        engine=call.engine, model=call.model, outcome=call.outcome
    ).observe(seconds)
    key = (call.engine, call.model, call.outcome)
    # A fallback or a cache hit is an answer: only "error" counts as a failure.
    WINDOW.record("ai", key, seconds * 1000, error=call.outcome == "error")
