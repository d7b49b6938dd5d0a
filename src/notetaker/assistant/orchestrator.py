"""One user message in, one assistant reply out.

The user's message is committed before anything else happens, so it survives any
failure. Everything the plan changes is then written in one transaction together
with the reply: either all of it is stored, or none of it and a failure reply.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.assistant.answers import answer_question
from notetaker.assistant.apply import AppliedPlan, apply_plan
from notetaker.db.database import Database
from notetaker.engines.base import DateOrder, Engine, EngineInput, Plan, TaskRef
from notetaker.models import Message, Note, Task, ThinkingStep, User
from notetaker.services import conversations, tasks

log = logging.getLogger(__name__)

FAILURE_REPLY = (
    "Sorry, I could not process that message. It is saved, and nothing was changed."
)


@dataclass(slots=True)
class Exchange:
    user_message: Message
    assistant_message: Message
    thinking: list[ThinkingStep]
    notes: list[Note] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    sources: list[Note | Task] = field(default_factory=list)


async def handle_message(
    db: Database,
    engine: Engine,
    *,
    user: User,
    conversation_id: int,
    content: str,
    now: datetime,
) -> Exchange:
    started = time.perf_counter()
    user_message = await _save_user_message(db, user, conversation_id, content)
    try:
        async with db.transaction() as session:
            return await _process(session, engine, user, user_message, now, started)
    except Exception:
        log.exception(
            "message.failed",
            extra={"message_id": user_message.id, "conversation_id": conversation_id},
        )
    async with db.transaction() as session:
        return await _save_failure(session, engine, user_message, started)


async def _save_user_message(
    db: Database, user: User, conversation_id: int, content: str
) -> Message:
    async with db.transaction() as session:
        conversation = await conversations.get_conversation(
            session, user_id=user.id, conversation_id=conversation_id
        )
        return await conversations.add_message(
            session, conversation=conversation, role="user", content=content
        )


async def _process(
    session: AsyncSession,
    engine: Engine,
    user: User,
    message: Message,
    now: datetime,
    started: float,
) -> Exchange:
    open_tasks = await tasks.list_open_tasks(session, user_id=user.id)
    plan = engine.understand(_engine_input(user, message.content, now, open_tasks))
    applied = await apply_plan(session, user=user, plan=plan, message_id=message.id)
    sources: list[Note | Task] = []
    if plan.question is not None:
        answer = await answer_question(
            session, user=user, question=plan.question, now=now
        )
        applied.reply, sources = answer.reply, [*answer.notes, *answer.tasks]
        applied.steps.append({"kind": "answer", "label": f"Found {len(sources)} items"})
    reply, steps = await _save_reply(
        session, engine, message, plan, applied, started=started
    )
    log.info(
        "message.processed",
        extra={"message_id": message.id, "intent": plan.intent.value},
    )
    return Exchange(message, reply, steps, applied.notes, applied.tasks, sources)


def _engine_input(
    user: User, text: str, now: datetime, open_tasks: list[Task]
) -> EngineInput:
    refs = tuple(
        TaskRef(id=t.id, title=t.title, due_at=t.due_at, priority=t.priority)
        for t in open_tasks
    )
    return EngineInput(
        text=text,
        now=now.astimezone(ZoneInfo(user.timezone)),
        timezone=user.timezone,
        date_order=DateOrder(user.date_order),
        open_tasks=refs,
    )


async def _save_reply(
    session: AsyncSession,
    engine: Engine,
    message: Message,
    plan: Plan,
    applied: AppliedPlan,
    *,
    started: float,
) -> tuple[Message, list[ThinkingStep]]:
    conversation = await conversations.get_conversation(
        session, user_id=message.user_id, conversation_id=message.conversation_id
    )
    reply = await conversations.add_message(
        session,
        conversation=conversation,
        role="assistant",
        content=applied.reply,
        intent=plan.intent.value,
        provider=engine.name,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    await conversations.set_intent(
        session, message_id=message.id, intent=plan.intent.value
    )
    thinking = [step.model_dump() for step in plan.thinking] + applied.steps
    steps = await conversations.add_thinking_steps(
        session, message_id=reply.id, steps=thinking
    )
    return reply, steps


async def _save_failure(
    session: AsyncSession, engine: Engine, message: Message, started: float
) -> Exchange:
    conversation = await conversations.get_conversation(
        session, user_id=message.user_id, conversation_id=message.conversation_id
    )
    reply = await conversations.add_message(
        session,
        conversation=conversation,
        role="assistant",
        content=FAILURE_REPLY,
        status="failed",
        provider=engine.name,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    step = {"kind": "error", "label": "Processing failed; nothing was stored"}
    steps = await conversations.add_thinking_steps(
        session, message_id=reply.id, steps=[step]
    )
    return Exchange(message, reply, steps)
