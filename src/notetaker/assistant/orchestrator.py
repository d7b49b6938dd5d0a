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
from notetaker.engines.base import DateOrder, Engine, EngineInput, TaskRef, Turn
from notetaker.engines.chain import EngineChain, Outcome, as_chain
from notetaker.engines.llm.engine import OnReply
from notetaker.events.hub import EventHub
from notetaker.models import Message, Note, Task, ThinkingStep, User
from notetaker.observability import context
from notetaker.observability.engine import observe_engine
from notetaker.observability.tracing import tracer
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
    context.bind_user(user.id)
    context.bind_conversation(conversation_id)
    with tracer.start_as_current_span("orchestrator.handle_message"):
        return await _handle(db, engine, user, conversation_id, content, now)


async def _handle(
    db: Database,
    engine: Engine,
    user: User,
    conversation_id: int,
    content: str,
    now: datetime,
) -> Exchange:
    started = time.perf_counter()
    user_message = await _save_user_message(db, user, conversation_id, content)
    try:
        outcome = await _understand(db, as_chain(engine), user, user_message, now)
        async with db.transaction() as session:
            return await _process(session, user, user_message, outcome, now, started)
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


async def _understand(
    db: Database, chain: EngineChain, user: User, message: Message, now: datetime
) -> Outcome:
    """The engine's plan, asked for outside any transaction: an LLM takes seconds,
    and no database lock or connection may wait for it."""
    async with db.transaction(write=False) as session:
        open_tasks = await tasks.list_open_tasks(session, user_id=user.id)
        history = await _history(session, message, chain.history_messages)
    engine_input = _engine_input(user, message.content, now, open_tasks, history)
    on_reply = _reply_publisher(db.events, message)
    with observe_engine(chain):
        return await chain.run(engine_input, user_id=user.id, on_reply=on_reply)


async def _history(
    session: AsyncSession, message: Message, limit: int
) -> tuple[Turn, ...]:
    if limit == 0:
        return ()
    newest_first, _ = await conversations.list_messages(
        session, conversation_id=message.conversation_id, before=message.id, limit=limit
    )
    return tuple(
        Turn(role=m.role, content=m.content)
        for m in reversed(newest_first)
        if m.status == "ok"
    )


def _reply_publisher(events: EventHub, message: Message) -> OnReply:
    async def publish(text: str, offset: int) -> None:
        data = {"message_id": message.id, "text": text, "offset": offset}
        await events.publish(message.user_id, {"type": "reply.delta", "data": data})

    return publish


async def _process(
    session: AsyncSession,
    user: User,
    message: Message,
    outcome: Outcome,
    now: datetime,
    started: float,
) -> Exchange:
    plan = outcome.plan
    applied = await apply_plan(session, user=user, plan=plan, message_id=message.id)
    sources: list[Note | Task] = []
    if plan.question is not None:
        answer = await answer_question(
            session, user=user, question=plan.question, now=now
        )
        applied.reply, sources = answer.reply, [*answer.notes, *answer.tasks]
        applied.steps.append({"kind": "answer", "label": f"Found {len(sources)} items"})
    reply, steps = await _save_reply(
        session, outcome, message, applied, started=started
    )
    log.info(
        "message.processed",
        extra={"message_id": message.id, "intent": plan.intent.value},
    )
    return Exchange(message, reply, steps, applied.notes, applied.tasks, sources)


def _engine_input(
    user: User,
    text: str,
    now: datetime,
    open_tasks: list[Task],
    history: tuple[Turn, ...],
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
        history=history,
    )


async def _save_reply(
    session: AsyncSession,
    outcome: Outcome,
    message: Message,
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
        intent=outcome.plan.intent.value,
        provider=outcome.engine,
        model=outcome.model,
        tokens=outcome.tokens,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    await conversations.set_intent(
        session, message_id=message.id, intent=outcome.plan.intent.value
    )
    thinking = [step.model_dump() for step in outcome.plan.thinking] + applied.steps
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
