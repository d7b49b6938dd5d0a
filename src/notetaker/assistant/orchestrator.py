"""One user message in, one assistant reply out.

With LLM engines, which take seconds, the user's message is committed whatever
the engines do, so it survives any failure; it is stored while they start on it,
and they need only what was read before. Each thinking step and reply chunk is
told live (`live.LiveWork`). Everything the plan changes is then written in one
transaction together with the reply: either all of it is stored, or none of it
and a failure reply. The reply stores the very same steps.

The built-in engine alone answers in about a millisecond, too fast for live steps
to matter, while on SQLite every write waits its turn behind every other. So the
engine runs first, and the message, the plan and the reply are written in one
transaction, the plan in a savepoint of its own: a plan that fails to apply rolls
back alone, and the message is kept with a failure reply. The steps then reach the
user's tabs with the rest of that transaction's events.
"""

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.assistant.answers import Answer, answer_question
from notetaker.assistant.apply import apply_plan
from notetaker.assistant.context import Gathered, gather_context
from notetaker.assistant.live import LiveWork, told_on_commit
from notetaker.db.database import Database
from notetaker.engines.base import Engine, EngineInput, Plan
from notetaker.engines.base import ThinkingStep as EngineStep
from notetaker.engines.chain import EngineChain, Outcome, as_chain
from notetaker.engines.llm.engine import OnReply
from notetaker.engines.llm.thinking import Thinking
from notetaker.events import outbox
from notetaker.models import Message, Note, Task, User
from notetaker.observability import context
from notetaker.observability.engine import observe_engine
from notetaker.observability.tracing import tracer
from notetaker.services import conversations

log = logging.getLogger(__name__)

FAILURE_REPLY = (
    "Sorry, I could not process that message. It is saved, and nothing was changed."
)


@dataclass(frozen=True, slots=True)
class Incoming:
    """A user's message as it arrives, before anything is stored."""

    user: User
    conversation_id: int
    content: str
    now: datetime


@dataclass(slots=True)
class Exchange:
    user_message: Message
    assistant_message: Message
    thinking: list[EngineStep]
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
        incoming = Incoming(user, conversation_id, content, now)
        chain = as_chain(engine)
        if chain.context is None:
            return await _handle_in_one_write(db, chain, incoming)
        return await _handle_with_llm(db, chain, incoming)


async def _handle_with_llm(
    db: Database, chain: EngineChain, incoming: Incoming
) -> Exchange:
    started = time.perf_counter()
    user, now = incoming.user, incoming.now
    gathered = await _gather(db, chain, incoming)
    saving = asyncio.ensure_future(
        _save_user_message(db, incoming, gathered.new_summary)
    )
    live = LiveWork(db.events, saving)
    thinking = Thinking(live.step)
    engine_input = gathered.engine_input(user, incoming.content, now)
    understanding = asyncio.ensure_future(
        _understand(chain, user.id, engine_input, thinking, live.reply)
    )
    try:
        # Shielded: a client that goes away does not take the message with it.
        user_message = await asyncio.shield(saving)
    except BaseException:
        understanding.cancel()
        raise
    await live.saved()
    try:
        outcome = await understanding
        answer = await _answer_beforehand(db, user, outcome.plan, now)
        async with db.transaction() as session:
            await _lock_conversation(session, user_message)
            # What the plan stores is told once it is stored: if the write fails,
            # no tab has seen a step for what is not there.
            storing = thinking.continued(told_on_commit(session, user_message))
            return await _process(
                session, user, user_message, outcome, storing, now, started, answer
            )
    except conversations.ConversationNotFound:
        raise  # Deleted while the engines worked: there is nothing to reply in.
    except Exception:
        log.exception(
            "message.failed",
            extra={
                "message_id": user_message.id,
                "conversation_id": incoming.conversation_id,
            },
        )
    # Set by the reply that was rolled back; the stored message has none.
    user_message.intent = None
    await thinking.add("error", "Processing failed; nothing was stored")
    async with db.transaction() as session:
        await _lock_conversation(session, user_message)
        return await _save_failure(session, chain, user_message, thinking, started)


async def _handle_in_one_write(
    db: Database, chain: EngineChain, incoming: Incoming
) -> Exchange:
    started = time.perf_counter()
    user, now = incoming.user, incoming.now
    gathered = await _gather(db, chain, incoming)
    engine_input = gathered.engine_input(user, incoming.content, now)
    understood = Thinking()
    outcome: Outcome | None = None
    answer: Answer | None = None
    try:
        outcome = await _understand(chain, user.id, engine_input, understood, None)
        answer = await _answer_beforehand(db, user, outcome.plan, now)
    except Exception:
        log.exception(
            "message.failed", extra={"conversation_id": incoming.conversation_id}
        )
    async with db.transaction() as session:
        # Its update of the conversation comes first and locks the row, as a
        # delete of the conversation does first too: neither can deadlock.
        message = await _add_user_message(session, incoming)
        if outcome is not None:
            try:
                async with outbox.savepoint(session):
                    thinking = Thinking(told_on_commit(session, message))
                    await thinking.record_all(understood.steps)
                    return await _process(
                        session, user, message, outcome, thinking, now, started, answer
                    )
            except Exception:
                # The savepoint's rollback expired what it had changed, the
                # message's intent among them: read back, never loaded lazily.
                await session.refresh(message)
                log.exception(
                    "message.failed",
                    extra={
                        "message_id": message.id,
                        "conversation_id": incoming.conversation_id,
                    },
                )
        # Only what the engine did: the steps of the plan's rolled-back writes go.
        thinking = Thinking(told_on_commit(session, message))
        await thinking.record_all(understood.steps)
        await thinking.add("error", "Processing failed; nothing was stored")
        return await _save_failure(session, chain, message, thinking, started)


async def _gather(db: Database, chain: EngineChain, incoming: Incoming) -> Gathered:
    """What the engines read, read outside any write: on SQLite every writer of
    every process waits while one holds the lock."""
    async with db.transaction(write=False) as session:
        return await gather_context(
            session,
            chain,
            user=incoming.user,
            conversation_id=incoming.conversation_id,
            text=incoming.content,
        )


async def _save_user_message(
    db: Database, incoming: Incoming, summary: tuple[str, int] | None
) -> Message:
    """The user's message, committed: whatever the engines do next, it is kept."""
    async with db.transaction() as session:
        return await _add_user_message(session, incoming, summary)


async def _add_user_message(
    session: AsyncSession, incoming: Incoming, summary: tuple[str, int] | None = None
) -> Message:
    return await conversations.add_user_message(
        session,
        user_id=incoming.user.id,
        conversation_id=incoming.conversation_id,
        content=incoming.content,
        summary=summary,
    )


async def _understand(
    chain: EngineChain,
    user_id: int,
    engine_input: EngineInput,
    thinking: Thinking,
    on_reply: OnReply | None,
) -> Outcome:
    """The engine's plan, asked for outside any transaction: an LLM takes seconds,
    and no database lock or connection may wait for it."""
    with observe_engine(chain) as call:
        outcome = await chain.run(
            engine_input, user_id=user_id, on_reply=on_reply, thinking=thinking
        )
        call.answered(outcome.engine, outcome.model, outcome.result)
    return outcome


async def _answer_beforehand(
    db: Database, user: User, plan: Plan, now: datetime
) -> Answer | None:
    """A question that changes nothing, answered in a read of its own, so that the
    write which stores the reply holds SQLite's lock for less time."""
    if plan.question is None or plan.notes or plan.tasks or plan.changes:
        return None
    async with db.transaction(write=False) as session:
        return await answer_question(
            session, user=user, question=plan.question, now=now
        )


async def _process(
    session: AsyncSession,
    user: User,
    message: Message,
    outcome: Outcome,
    thinking: Thinking,
    now: datetime,
    started: float,
    answer: Answer | None,
) -> Exchange:
    plan = outcome.plan
    applied = await apply_plan(session, user=user, plan=plan, message_id=message.id)
    await thinking.record_all(EngineStep.model_validate(s) for s in applied.steps)
    sources: list[Note | Task] = []
    if plan.question is not None:
        # Asked together with changes, it is answered after them, seeing them.
        answer = answer or await answer_question(
            session, user=user, question=plan.question, now=now
        )
        applied.reply, sources = answer.reply, [*answer.notes, *answer.tasks]
        found = len(sources)
        await thinking.add("answer", f"Found {found} item{'' if found == 1 else 's'}")
    reply = await conversations.add_reply(
        session,
        to=message,
        content=applied.reply,
        thinking=_rows(thinking),
        intent=plan.intent.value,
        provider=outcome.engine,
        model=outcome.model,
        tokens=outcome.tokens,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    log.info(
        "message.processed",
        extra={"message_id": message.id, "intent": plan.intent.value},
    )
    return Exchange(
        message, reply, thinking.steps, applied.notes, applied.tasks, sources
    )


async def _save_failure(
    session: AsyncSession,
    engine: EngineChain,
    message: Message,
    thinking: Thinking,
    started: float,
) -> Exchange:
    reply = await conversations.add_reply(
        session,
        to=message,
        content=FAILURE_REPLY,
        thinking=_rows(thinking),
        status="failed",
        provider=engine.name,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    return Exchange(message, reply, thinking.steps)


async def _lock_conversation(session: AsyncSession, message: Message) -> None:
    """Before writing into the conversation of a message stored in an earlier
    transaction (see `conversations.lock_conversation`); storing the message in
    the same transaction locks its conversation already."""
    await conversations.lock_conversation(
        session, user_id=message.user_id, conversation_id=message.conversation_id
    )


def _rows(thinking: Thinking) -> list[dict]:
    return [step.model_dump() for step in thinking.steps]
