"""The configured engines, tried in order, with the built-in engine always last.

A message is routed to a model size once and its prompt built once; then each LLM
engine is tried in turn (a bounded loop, never recursion): its cached answer first,
else the provider. Whatever an engine fails with, the next one gets the message. The
built-in engine cannot be unavailable, so every message gets a plan. Each step taken
(route, context, cache hit or miss, retry, repair, fallback, answer) is recorded as
it happens, so that the user can watch it live.
"""

import asyncio
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from anyio import to_thread

from notetaker.cache import Cache, digest

from .base import Engine, EngineInput, Plan, ThinkingStep
from .llm.breaker import Health
from .llm.context import Prompt, build_prompt
from .llm.convert import parse_plan, to_plan
from .llm.engine import Answer, LLMEngine, OnReply
from .llm.errors import EngineFailure, InvalidOutput
from .llm.routing import Route, Router
from .llm.schema import SCHEMA_VERSION, wire_schema
from .llm.thinking import Thinking

log = logging.getLogger(__name__)

Check = Callable[[str], Plan]


@dataclass(slots=True)
class Outcome:
    """A plan and how it was made, for the reply message and its thinking steps."""

    plan: Plan
    engine: str
    model: str | None = None
    tokens: int | None = None
    provider_ms: float | None = None
    cache_hit: bool = False
    fallbacks: list[str] = field(default_factory=list)

    @property
    def result(self) -> str:
        """How the plan was had, for metrics: ok, fallback or cache_hit."""
        if self.cache_hit:
            return "cache_hit"
        return "fallback" if self.fallbacks else "ok"


@dataclass(frozen=True, slots=True)
class LLMContext:
    """What the LLM engines share: routing, the prompt budget and the cache."""

    router: Router
    cache: Cache
    context_tokens: int
    history_messages: int
    # Seconds for all LLM engines together; then the built-in engine answers.
    deadline: float = 90.0


class EngineChain:
    model = None

    def __init__(
        self,
        fallback: Engine,
        llm: Sequence[LLMEngine] = (),
        context: LLMContext | None = None,
    ) -> None:
        if llm and context is None:
            raise ValueError("LLM engines need an LLMContext")
        self.fallback = fallback
        self.llm = tuple(llm)
        self.context = context
        self.name = ",".join([*(engine.name for engine in self.llm), fallback.name])

    @property
    def history_messages(self) -> int:
        """How many earlier messages of the conversation the engines read: the LLM
        engines' setting when there are any, else what the built-in engine reads."""
        if self.context is not None:
            return self.context.history_messages
        return self.fallback.history_messages

    def providers(self) -> dict[str, Health]:
        """Each LLM provider's state, for the readiness check."""
        return {engine.name: engine.health for engine in self.llm}

    async def run(
        self,
        message: EngineInput,
        *,
        user_id: int,
        on_reply: OnReply | None = None,
        thinking: Thinking | None = None,
    ) -> Outcome:
        """A plan for `message`; each thinking step goes to `thinking` as it is
        taken, the plan's own steps last."""
        thinking = thinking or Thinking()
        if self.context is None:
            outcome = await self._fallback(message)
        else:
            outcome = await self._through_llm(message, user_id, on_reply, thinking)
        await thinking.record_all(outcome.plan.thinking)
        return outcome

    async def _through_llm(
        self,
        message: EngineInput,
        user_id: int,
        on_reply: OnReply | None,
        thinking: Thinking,
    ) -> Outcome:
        route = self.context.router.decide(message.text)
        counter = self.context.router.counter
        prompt = build_prompt(message, counter, self.context.context_tokens)
        await thinking.record(route.step())
        await thinking.record(_context_step(prompt, counter.name))
        failures: list[str] = []
        deadline = asyncio.get_running_loop().time() + self.context.deadline
        for engine in self.llm:
            try:
                async with asyncio.timeout_at(deadline):
                    outcome = await self._try(
                        engine, message, route, prompt, user_id, on_reply, thinking
                    )
            except TimeoutError:
                log.warning("engine.deadline", extra={"engine": engine.name})
                failures.append(engine.name)
                await thinking.record(_fallback_step(engine.name, "deadline"))
                break
            except EngineFailure as exc:
                log.warning(
                    "engine.failed", extra={"engine": engine.name, "reason": exc.reason}
                )
                failures.append(engine.name)
                await thinking.record(_fallback_step(engine.name, exc.reason))
                continue
            except Exception:
                # A bug of ours must not cost the user their answer either.
                log.exception("engine.crashed", extra={"engine": engine.name})
                failures.append(engine.name)
                await thinking.record(_fallback_step(engine.name, "error"))
                continue
            outcome.fallbacks = failures
            return outcome
        outcome = await self._fallback(message)
        outcome.fallbacks = failures
        return outcome

    async def _fallback(self, message: EngineInput) -> Outcome:
        """The built-in engine: inline for everyday messages (well under a
        millisecond), in a worker thread for long ones, which take seconds and
        would otherwise stall every other request on this process."""
        if len(message.text) <= INLINE_CHARS:
            plan = self.fallback.understand(message)
        else:
            plan = await to_thread.run_sync(self.fallback.understand, message)
        return Outcome(plan, self.fallback.name)

    async def _try(
        self,
        engine: LLMEngine,
        message: EngineInput,
        route: Route,
        prompt: Prompt,
        user_id: int,
        on_reply: OnReply | None,
        thinking: Thinking,
    ) -> Outcome:
        model = engine.models[route.size]
        key = _cache_key(user_id, engine.name, model, prompt)
        check: Check = partial(_check, message=message)
        cached = await self.context.cache.get(key)
        if cached is not None and (plan := _from_cache(cached, check)):
            await thinking.record(_cache_step(engine.name, model, hit=True))
            return Outcome(plan, engine.name, model, cache_hit=True)
        await thinking.record(_cache_step(engine.name, model, hit=False))
        answer = await engine.answer(
            prompt.messages,
            size=route.size,
            schema=_SCHEMA,
            check=check,
            on_reply=on_reply,
            thinking=thinking,
        )
        await self.context.cache.set(key, answer.text)
        await thinking.record(_engine_step(engine.name, answer))
        return Outcome(
            answer.value, engine.name, answer.model, answer.tokens, answer.provider_ms
        )

    async def aclose(self) -> None:
        for engine in self.llm:
            await engine.aclose()
        if self.context is not None:
            await self.context.cache.aclose()


def as_chain(engine: Engine | EngineChain) -> EngineChain:
    """A chain around a bare engine (tests swap in their own), or the chain itself."""
    return engine if isinstance(engine, EngineChain) else EngineChain(engine)


_SCHEMA = wire_schema()
INLINE_CHARS = 2_000


def _check(text: str, *, message: EngineInput) -> Plan:
    return to_plan(parse_plan(text), message)


def _cache_key(user_id: int, engine: str, model: str, prompt: Prompt) -> str:
    messages = json.dumps(prompt.messages, ensure_ascii=False, separators=(",", ":"))
    return digest("plan", SCHEMA_VERSION, str(user_id), engine, model, messages)


def _from_cache(text: str, check: Check) -> Plan | None:
    try:
        return check(text)
    except InvalidOutput:
        return None  # stored under rules that have changed since; ask again


def _cache_step(engine: str, model: str, *, hit: bool) -> ThinkingStep:
    detail = {"engine": engine, "model": model, "cache": "hit" if hit else "miss"}
    if hit:
        label = f"Cache hit: the answer {engine} ({model}) gave before"
    else:
        label = f"Not in the cache: asking {engine} ({model})"
    return ThinkingStep(kind="cache", label=label, detail=detail)


def _context_step(prompt: Prompt, counter: str) -> ThinkingStep:
    detail = {
        "tokens": prompt.tokens,
        "counted_by": counter,
        "turns": prompt.kept_turns,
        "open_tasks": prompt.kept_tasks,
        "memories": prompt.kept_memories,
        "summary_lines": prompt.kept_summary_lines,
    }
    label = (
        f"Context: {prompt.kept_turns} recent messages, {prompt.kept_memories} "
        f"memories, {prompt.kept_summary_lines} summary lines, {prompt.tokens} tokens"
    )
    return ThinkingStep(kind="context", label=label, detail=detail)


def _fallback_step(engine: str, reason: str) -> ThinkingStep:
    label = f"{engine} gave no plan ({reason}); trying the next engine"
    return ThinkingStep(
        kind="fallback", label=label, detail={"engine": engine, "reason": reason}
    )


def _engine_step(engine: str, answer: Answer[Plan]) -> ThinkingStep:
    detail = {
        "engine": engine,
        "model": answer.model,
        "tokens": answer.tokens,
        "latency_ms": round(answer.provider_ms, 1),
        "repaired": answer.repaired,
    }
    label = f"Answered by {engine} ({answer.model}) in {answer.provider_ms:.0f} ms"
    return ThinkingStep(kind="engine", label=label, detail=detail)
