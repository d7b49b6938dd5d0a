"""The thinking steps of one message, told to a listener as each one is taken.

The list a `Thinking` collects is the list stored with the reply, in the same
order: what the UI saw live is what it reads back later.
"""

from collections.abc import Awaitable, Callable, Iterable

from ..base import ThinkingStep

# The step and its 0-based position among the message's steps.
OnStep = Callable[[int, ThinkingStep], Awaitable[None]]


class Thinking:
    def __init__(self, on_step: OnStep | None = None) -> None:
        self.steps: list[ThinkingStep] = []
        self._on_step = on_step

    async def add(self, kind: str, label: str, **detail: object) -> None:
        await self.record(ThinkingStep(kind=kind, label=label, detail=detail))

    async def record(self, step: ThinkingStep) -> None:
        self.steps.append(step)
        if self._on_step is not None:
            await self._on_step(len(self.steps) - 1, step)

    async def record_all(self, steps: Iterable[ThinkingStep]) -> None:
        for step in steps:
            await self.record(step)

    def continued(self, on_step: OnStep) -> "Thinking":
        """These steps so far, with the ones to come told to `on_step` instead."""
        follow = Thinking(on_step)
        follow.steps = list(self.steps)
        return follow
