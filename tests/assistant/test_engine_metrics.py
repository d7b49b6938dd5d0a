import pytest
from prometheus_client import REGISTRY

from notetaker.observability.engine import observe_engine
from notetaker.observability.window import WINDOW, Stats

SAMPLES = "notetaker_ai_request_duration_seconds_count"


class _Chain:
    name = "ollama,local"
    model = None


def _count(engine: str, model: str, outcome: str) -> float:
    labels = {"engine": engine, "model": model, "outcome": outcome}
    return REGISTRY.get_sample_value(SAMPLES, labels) or 0.0


def test_observe_engine_labels_by_engine_that_answered():
    before = _count("ollama", "llama3.2:3b", "cache_hit")

    with observe_engine(_Chain()) as call:
        call.answered("ollama", "llama3.2:3b", "cache_hit")

    assert _count("ollama", "llama3.2:3b", "cache_hit") == before + 1


def test_observe_engine_error_when_block_raises():
    before = _count("ollama,local", "none", "error")

    with pytest.raises(RuntimeError), observe_engine(_Chain()):
        raise RuntimeError("boom")

    assert _count("ollama,local", "none", "error") == before + 1


def test_observe_engine_fallback_is_no_error_in_report_window():
    key = ("openai", "gpt-4o-mini", "fallback")
    before = WINDOW.totals("ai").get(key, Stats())
    count, errors = before.count, before.errors

    with observe_engine(_Chain()) as call:
        call.answered("openai", "gpt-4o-mini", "fallback")

    after = WINDOW.totals("ai")[key]
    assert (after.count, after.errors) == (count + 1, errors)
