"""One LLM provider as an engine: bounded, retried, guarded by its circuit breaker.

An answer is checked by the caller's `check`, which parses and validates it; an
invalid answer gets one repair request that names what was wrong, and a second
invalid answer is an `InvalidOutput`. Every loop here has a fixed bound.
"""

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from ..base import ThinkingStep
from .breaker import CircuitBreaker, Health
from .errors import InvalidOutput, ProviderError, ProviderUnavailable
from .providers import Completion, Messages, Provider
from .reply_stream import ReplyStream
from .retry import RetryPolicy
from .routing import Size
from .thinking import Thinking

T = TypeVar("T")
# The reply's new text and its offset in the reply: a retry starts again at 0.
OnReply = Callable[[str, int], Awaitable[None]]

REPAIR = (
    "That answer was not valid: {problems}. Answer again with only the JSON object, "
    "following the schema."
)


@dataclass(frozen=True, slots=True)
class Answer(Generic[T]):
    value: T
    text: str  # the validated answer, as the model wrote it
    model: str
    tokens: int | None
    provider_ms: float
    repaired: bool


@dataclass(frozen=True, slots=True)
class Limits:
    request_timeout: float
    max_in_flight: int
    queue_timeout: float


class LLMEngine:
    def __init__(
        self,
        provider: Provider,
        *,
        models: dict[Size, str],
        breaker: CircuitBreaker,
        retry: RetryPolicy,
        limits: Limits,
    ) -> None:
        self.name = provider.name
        self.provider = provider
        self.models = models
        self.breaker = breaker
        self._retry = retry
        self._limits = limits
        self._slots = asyncio.Semaphore(limits.max_in_flight)

    @property
    def health(self) -> Health:
        return self.breaker.health

    async def answer(
        self,
        messages: Messages,
        *,
        size: Size,
        schema: dict,
        check: Callable[[str], T],
        on_reply: OnReply | None = None,
        thinking: Thinking | None = None,
    ) -> Answer[T]:
        """The checked answer; retries and the repair request are thinking steps."""
        if not self.breaker.allow():
            raise ProviderUnavailable("circuit open")
        model = self.models[size]
        thinking = thinking or Thinking()
        started = time.perf_counter()
        async with self._slot():
            first = await self._complete(model, messages, schema, on_reply, thinking)
            try:
                return self._accept(first, check, model, started, repaired=False)
            except InvalidOutput as exc:
                repair = [
                    *messages,
                    {"role": "assistant", "content": first.text},
                    {"role": "user", "content": REPAIR.format(problems=exc)},
                ]
            # The problems stay out of the label: they may quote the message.
            label = f"{self.name} ({model}) gave an invalid plan; asking for a repair"
            await thinking.add("repair", label, engine=self.name, model=model)
            second = await self._complete(model, repair, schema, on_reply, thinking)
            answer = self._accept(second, check, model, started, repaired=True)
            return replace(answer, tokens=_sum(_total(first), answer.tokens))

    def _accept(
        self,
        completion: Completion,
        check: Callable[[str], T],
        model: str,
        started: float,
        *,
        repaired: bool,
    ) -> Answer[T]:
        value = check(completion.text)
        tokens = _total(completion)
        elapsed = (time.perf_counter() - started) * 1000
        return Answer(value, completion.text, model, tokens, elapsed, repaired)

    @asynccontextmanager
    async def _slot(self) -> AsyncIterator[None]:
        try:
            async with asyncio.timeout(self._limits.queue_timeout):
                await self._slots.acquire()
        except TimeoutError as exc:
            raise ProviderUnavailable("every request slot stayed busy") from exc
        try:
            yield
        finally:
            self._slots.release()

    async def _complete(
        self,
        model: str,
        messages: Messages,
        schema: dict,
        on_reply: OnReply | None,
        thinking: Thinking,
    ) -> Completion:
        for attempt in range(self._retry.retries):
            try:
                return await self._attempt(model, messages, schema, on_reply)
            except ProviderError as exc:
                if not exc.retryable or self.breaker.state != "closed":
                    raise
                await thinking.record(self._retry_step(model, exc, attempt + 2))
                await asyncio.sleep(self._retry.delay(attempt, exc.retry_after))
        return await self._attempt(model, messages, schema, on_reply)

    def _retry_step(self, model: str, exc: ProviderError, attempt: int) -> ThinkingStep:
        # Our own fixed wording ("HTTP 503", "malformed stream chunk"), never the
        # provider's body.
        label = f"{self.name} ({model}) failed ({exc}); retrying, attempt {attempt}"
        detail = {"engine": self.name, "model": model, "status": exc.status}
        return ThinkingStep(kind="retry", label=label, detail=detail)

    async def _attempt(
        self, model: str, messages: Messages, schema: dict, on_reply: OnReply | None
    ) -> Completion:
        on_text = _reply_forwarder(on_reply) if on_reply is not None else None
        try:
            async with asyncio.timeout(self._limits.request_timeout):
                completion = await self.provider.complete(
                    model=model, messages=messages, schema=schema, on_text=on_text
                )
        except TimeoutError as exc:
            self.breaker.record_failure()
            raise ProviderError("no complete answer in time", retryable=True) from exc
        except ProviderError:
            self.breaker.record_failure()
            raise
        self.breaker.record_success()
        return completion

    async def aclose(self) -> None:
        await self.provider.aclose()


def _reply_forwarder(on_reply: OnReply) -> Callable[[str], Awaitable[None]]:
    stream = ReplyStream()

    async def forward(chunk: str) -> None:
        offset = len(stream.text)
        delta = stream.feed(chunk)
        if delta:
            await on_reply(delta, offset)

    return forward


def _total(completion: Completion) -> int | None:
    if completion.prompt_tokens is None and completion.completion_tokens is None:
        return None
    return (completion.prompt_tokens or 0) + (completion.completion_tokens or 0)


def _sum(first: int | None, second: int | None) -> int | None:
    if first is None or second is None:
        return first if second is None else second
    return first + second
