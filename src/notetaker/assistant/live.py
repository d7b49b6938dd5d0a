"""What a user's tabs see of a message while it is worked on: its thinking steps and
reply chunks, each told as it comes and in order.

With LLM engines the user's message is stored while the engines already start on
it, so the first steps can come before the message has an id. They wait, and go out
in order once it is stored, after its own `message.created`.
"""

import asyncio
from collections import deque
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.engines.base import ThinkingStep
from notetaker.engines.llm.thinking import OnStep
from notetaker.events import outbox
from notetaker.events.hub import EventHub
from notetaker.models import Message

# An event's data, once the message it is about is known.
Describe = Callable[[Message], dict]


class LiveWork:
    def __init__(self, events: EventHub, saving: asyncio.Future[Message]) -> None:
        self._events = events
        self._saving = saving
        self._waiting: deque[tuple[str, Describe]] = deque()
        self._telling = False

    async def step(self, index: int, step: ThinkingStep) -> None:
        """A thinking step (an `OnStep`)."""
        await self._tell(
            "thinking.step", lambda message: step_data(message, index, step)
        )

    async def reply(self, text: str, offset: int) -> None:
        """A chunk of the reply as the engine writes it (an `OnReply`)."""
        await self._tell(
            "reply.delta",
            lambda message: {"message_id": message.id, "text": text, "offset": offset},
        )

    async def saved(self) -> None:
        """What waited for the message, told now that it is stored."""
        await self._tell_waiting()

    async def _tell(self, type: str, describe: Describe) -> None:
        self._waiting.append((type, describe))
        await self._tell_waiting()

    async def _tell_waiting(self) -> None:
        # One teller at a time; what comes meanwhile joins its queue, in order.
        if self._telling or not _stored(self._saving):
            return
        message = self._saving.result()
        self._telling = True
        try:
            while self._waiting:
                type, describe = self._waiting.popleft()
                event = {"type": type, "data": describe(message)}
                await self._events.publish(message.user_id, event)
        finally:
            self._telling = False


def _stored(saving: asyncio.Future[Message]) -> bool:
    return saving.done() and not saving.cancelled() and saving.exception() is None


def told_on_commit(session: AsyncSession, message: Message) -> OnStep:
    """Each thinking step to the user's tabs once `session` commits."""

    async def emit(index: int, step: ThinkingStep) -> None:
        data = step_data(message, index, step)
        outbox.emit(session, user_id=message.user_id, type="thinking.step", data=data)

    return emit


def step_data(message: Message, index: int, step: ThinkingStep) -> dict:
    return {
        "message_id": message.id,
        "conversation_id": message.conversation_id,
        "index": index,
        "kind": step.kind,
        "label": step.label,
    }
