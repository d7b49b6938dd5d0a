"""What the engines read besides the message: open tasks and the recent turns for
every engine; for the LLM engines also the conversation's summary and memories.

The recent window is read with up to SUMMARY_BATCH older messages beyond it: once
that many have left the window unsummarised, they are folded into the summary,
which is written with the user's message (no statement of its own).
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.assistant import memories, summary
from notetaker.engines.base import DateOrder, EngineInput, TaskRef, Turn
from notetaker.engines.chain import EngineChain
from notetaker.models import Task, User
from notetaker.services import conversations
from notetaker.services.tasks import OPEN_STATUSES, due_order

# Messages that leave the window between two summary updates: every few turns.
SUMMARY_BATCH = 6


@dataclass(frozen=True, slots=True)
class Gathered:
    open_tasks: tuple[TaskRef, ...]
    history: tuple[Turn, ...] = ()
    summary: str = ""
    memories: tuple[str, ...] = ()
    # The conversation's (summary, summary_through), when it is to change.
    new_summary: tuple[str, int] | None = None

    def engine_input(self, user: User, text: str, now: datetime) -> EngineInput:
        return EngineInput(
            text=text,
            now=now.astimezone(ZoneInfo(user.timezone)),
            timezone=user.timezone,
            date_order=DateOrder(user.date_order),
            open_tasks=self.open_tasks,
            history=self.history,
            memories=self.memories,
            summary=self.summary,
        )


async def gather_context(
    session: AsyncSession,
    chain: EngineChain,
    *,
    user: User,
    conversation_id: int,
    text: str,
) -> Gathered:
    """Read before the user's message is added: the newest messages are the
    ones before it."""
    window = chain.history_messages
    # The built-in engine alone reads recent turns (for "it" and "that one") but
    # neither a summary nor memories.
    summarised = chain.context is not None
    recent = await conversations.read_recent(
        session,
        user_id=user.id,
        conversation_id=conversation_id,
        limit=window + SUMMARY_BATCH if window and summarised else window,
    )
    open_tasks = await _open_tasks(session, user.id)
    if not window:
        return Gathered(open_tasks)
    newest_first = [m for m in recent.messages if m.status == "ok"]
    in_window, beyond = newest_first[:window], newest_first[window:]
    history = tuple(Turn(m.role, m.content) for m in reversed(in_window))
    if not summarised:
        return Gathered(open_tasks, history)
    text_summary, new_summary = recent.summary, None
    through = recent.summary_through or 0
    dropped = [m for m in reversed(beyond) if m.id > through]
    if len(dropped) >= SUMMARY_BATCH:
        turns = [Turn(m.role, m.content) for m in dropped]
        text_summary = summary.fold(recent.summary, turns)
        new_summary = (text_summary, dropped[-1].id)
    recalled = await memories.recall(session, user_id=user.id, text=text)
    return Gathered(open_tasks, history, text_summary, recalled, new_summary)


# On the table: through the session, a statement on the mapped class takes the
# ORM's slower path.
_tasks = Task.__table__.c
_OPEN_TASKS = (
    select(_tasks.id, _tasks.title, _tasks.due_at, _tasks.priority)
    .where(_tasks.user_id == bindparam("user_id"), _tasks.status.in_(OPEN_STATUSES))
    .order_by(*due_order(_tasks))
)


async def _open_tasks(session: AsyncSession, user_id: int) -> tuple[TaskRef, ...]:
    rows = await session.execute(_OPEN_TASKS, {"user_id": user_id})
    return tuple(TaskRef(*row) for row in rows)
