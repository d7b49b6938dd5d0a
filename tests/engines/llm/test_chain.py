"""The engine chain: order, fallback to the built-in engine, repair, cache, breaker."""

import asyncio

import pytest

from notetaker.engines.base import Intent, ThinkingStep
from notetaker.engines.chain import EngineChain, Outcome, as_chain
from notetaker.engines.llm.thinking import Thinking
from notetaker.engines.local import LocalEngine
from tests.engines.llm.conftest import (
    OPEN_TASKS,
    make_chain,
    make_engine,
    message,
)
from tests.engines.llm.fake_provider import GOOD_PLAN, Behaviour

BOUND = 20
FAULTS = [
    Behaviour(fault="status", status=500),
    Behaviour(fault="status", status=429),
    Behaviour(fault="malformed"),
    Behaviour(fault="truncated"),
    Behaviour(fault="drop"),
    Behaviour(content="{}"),
    Behaviour(delay=1.5),
]


async def _run(chain: EngineChain, text: str | None = None, user_id: int = 1, **kw):
    return (await _run_seen(chain, text, user_id, **kw))[0]


async def _run_seen(
    chain: EngineChain, text: str | None = None, user_id: int = 1, **kw
) -> tuple[Outcome, list[ThinkingStep]]:
    """The outcome and every thinking step the run took, in order."""
    thinking = Thinking()
    async with asyncio.timeout(BOUND):
        outcome = await chain.run(
            message(text, **kw) if text else message(**kw),
            user_id=user_id,
            thinking=thinking,
        )
    return outcome, thinking.steps


def _kinds(steps: list[ThinkingStep]) -> list[str]:
    return [step.kind for step in steps]


@pytest.fixture
def two(fake, closing):
    """Ollama then OpenAI (both on the fake server), then the built-in engine."""
    engines = [
        make_engine("ollama", fake, retries=1),
        make_engine("openai", fake, retries=1),
    ]
    chain = make_chain(*engines)
    closing.append(chain)
    return chain


async def test_run_chain_local_only_answers_directly():
    chain = as_chain(LocalEngine())

    outcome, steps = await _run_seen(chain)

    assert outcome.engine == "local" and outcome.model is None
    assert outcome.plan.intent == Intent.TASK
    assert "route" not in _kinds(steps)
    assert chain.name == "local" and chain.providers() == {}


async def test_run_chain_first_engine_answers(fake, two):
    outcome, steps = await _run_seen(two)

    assert (outcome.engine, outcome.model) == ("ollama", "ollama-small")
    assert outcome.tokens == 140 and outcome.fallbacks == []
    assert _kinds(steps)[:4] == ["route", "context", "cache", "engine"]
    assert outcome.plan.tasks[0].title == "Call the dentist"
    assert [r.path for r in fake.requests] == ["/api/chat"]


async def test_run_chain_falls_back_to_next_engine(fake, two):
    fake.reset(
        Behaviour(fault="status", status=500), Behaviour(fault="status", status=500)
    )

    outcome, steps = await _run_seen(two)

    assert outcome.engine == "openai"
    assert outcome.fallbacks == ["ollama"]
    fallback = next(s for s in steps if s.kind == "fallback")
    assert fallback.detail == {"engine": "ollama", "reason": "provider_error"}


@pytest.mark.parametrize(
    "fault", FAULTS, ids=lambda b: b.fault if b.fault != "none" else "other"
)
async def test_run_chain_every_engine_failing_ends_with_local(fake, two, fault):
    fake.reset(default=fault)

    outcome = await _run(two)

    assert outcome.engine == "local"
    assert outcome.fallbacks == ["ollama", "openai"]
    assert outcome.plan.intent == Intent.TASK
    assert outcome.plan.tasks[0].title  # the built-in engine's own plan


async def test_run_chain_invalid_output_repaired(fake, two):
    fake.reset(Behaviour(content='{"reply": "oops"}'))

    outcome, steps = await _run_seen(two)

    assert outcome.engine == "ollama"
    engine_step = next(s for s in steps if s.kind == "engine")
    assert engine_step.detail["repaired"] is True
    assert len(fake.requests) == 2


async def test_run_chain_invalid_after_repair_moves_on(fake, two):
    fake.reset(Behaviour(content="{}"), Behaviour(content="[]"))

    outcome, steps = await _run_seen(two)

    assert outcome.engine == "openai"
    fallback = next(s for s in steps if s.kind == "fallback")
    assert fallback.detail["reason"] == "invalid_output"


async def test_run_chain_change_of_unknown_task_is_repaired(fake, two):
    bad = GOOD_PLAN | {
        "intent": "task_update",
        "tasks": [],
        "changes": [
            {"task_id": 404, "action": "complete", "due": None, "priority": None}
        ],
    }
    good = bad | {"changes": [bad["changes"][0] | {"task_id": 7}]}
    import json

    fake.reset(Behaviour(content=json.dumps(bad)), Behaviour(content=json.dumps(good)))

    outcome = await _run(two, "mark the dentist one done", open_tasks=OPEN_TASKS)

    assert outcome.plan.changes[0].task_id == 7
    assert "unknown task ids [404]" in fake.requests[1].body["messages"][-1]["content"]


async def test_run_chain_cache_hit_skips_provider(fake, two):
    first = await _run(two)
    second, second_steps = await _run_seen(two)

    assert not first.cache_hit and second.cache_hit
    assert len(fake.requests) == 1
    cache_step = next(s for s in second_steps if s.kind == "cache")
    assert cache_step.detail == {
        "engine": "ollama",
        "model": "ollama-small",
        "cache": "hit",
    }
    assert second.plan.tasks == first.plan.tasks


async def test_run_chain_cache_is_per_user(fake, two):
    await _run(two, user_id=1)
    other = await _run(two, user_id=2)

    assert not other.cache_hit
    assert len(fake.requests) == 2


async def test_run_chain_cache_misses_on_other_prompt(fake, two):
    await _run(two, "remind me to buy milk")
    other = await _run(two, "remind me to buy bread")

    assert not other.cache_hit


async def test_run_chain_routes_brain_dump_to_large_model(fake, two):
    text = "this week:\n- finish the deck\n- email Ana\n- book flights to Porto"

    outcome, steps = await _run_seen(two, text)

    assert outcome.model == "ollama-large"
    assert fake.requests[0].body["model"] == "ollama-large"
    route = steps[0]
    assert route.kind == "route" and route.detail["size"] == "large"


async def test_run_chain_skips_provider_with_open_circuit(fake, closing):
    ollama = make_engine("ollama", fake, retries=0, failures=1)
    chain = make_chain(ollama, make_engine("openai", fake))
    closing.append(chain)
    fake.reset(Behaviour(fault="status", status=500))
    await _run(chain, "remind me to buy milk")
    assert chain.providers() == {"ollama": "circuit_open", "openai": "up"}

    outcome, steps = await _run_seen(chain, "remind me to buy bread")

    assert outcome.engine == "openai"
    assert [r.path for r in fake.requests][-1] == "/v1/chat/completions"
    assert "/api/chat" not in [r.path for r in fake.requests[2:]]
    fallback = next(s for s in steps if s.kind == "fallback")
    assert fallback.detail["reason"] == "unavailable"


async def test_run_chain_saturated_provider_moves_on(fake, closing):
    ollama = make_engine("ollama", fake, max_in_flight=1, queue_timeout=0.1)
    chain = make_chain(ollama)
    closing.append(chain)
    fake.reset(default=Behaviour(delay=0.5))

    outcomes = await asyncio.gather(
        _run(chain, "remind me to buy milk"), _run(chain, "remind me to buy eggs")
    )

    assert sorted(o.engine for o in outcomes) == ["local", "ollama"]


async def test_run_chain_unexpected_error_falls_back(fake, two):
    async def broken_reply(text: str, offset: int) -> None:
        raise RuntimeError("a bug in the reply publisher")

    thinking = Thinking()
    async with asyncio.timeout(BOUND):
        outcome = await two.run(
            message(), user_id=1, on_reply=broken_reply, thinking=thinking
        )
    steps = thinking.steps

    assert outcome.engine == "local"
    assert outcome.fallbacks == ["ollama", "openai"]
    reasons = [s.detail["reason"] for s in steps if s.kind == "fallback"]
    assert reasons == ["error", "error"]


async def test_run_chain_deadline_hands_over_to_local(fake, closing):
    slow = [make_engine(name, fake, request_timeout=5) for name in ("ollama", "openai")]
    chain = make_chain(*slow, deadline=0.5)
    closing.append(chain)
    fake.reset(default=Behaviour(delay=3.0))

    outcome, steps = await _run_seen(chain)

    assert outcome.engine == "local"
    assert outcome.fallbacks == ["ollama"]  # openai was not even tried
    (fallback,) = [s for s in steps if s.kind == "fallback"]
    assert fallback.detail["reason"] == "deadline"
