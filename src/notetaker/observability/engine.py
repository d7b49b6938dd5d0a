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
    """The labels of one engine call; a chain may set the engine that answered."""

    engine: str
    model: str
    outcome: str = "error"


@contextmanager
def observe_engine(engine: object) -> Iterator[EngineCall]:
    """Time the block as one engine call; outcome "error" if it raises."""
    call = EngineCall(
        engine=getattr(engine, "name", type(engine).__name__),
        model=getattr(engine, "model", None) or "none",
    )
    started = time.perf_counter()
    with tracer.start_as_current_span("engine.understand") as span:
        try:
            yield call
            call.outcome = "ok"
        finally:
            seconds = time.perf_counter() - started
            span.set_attributes({"ai.engine": call.engine, "ai.model": call.model})
            _record(call, seconds)


def _record(call: EngineCall, seconds: float) -> None:
    AI_LATENCY.labels(
        engine=call.engine, model=call.model, outcome=call.outcome
    ).observe(seconds)
    key = (call.engine, call.model, call.outcome)
    WINDOW.record("ai", key, seconds * 1000, error=call.outcome != "ok")
