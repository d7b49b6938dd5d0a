"""What the engines read besides the message: open tasks and the recent turns for
every engine; for the LLM engines also the conversation's summary and memories.

The recent window is read with up to SUMMARY_BATCH older messages beyond it: once
that many have left the window unsummarised, they are folded into the summary,
which is written with the user's message (no statement of its own).
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.assistant import memories, summary
from notetaker.engines.base import DateOrder, EngineInput, TaskRef, Turn
from notetaker.engines.chain import EngineChain
from notetaker.models import Task, User
from notetaker.services import conversations
from notetaker.services.tasks import OPEN_STATUSES, by_due_date

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


async def _open_tasks(session: AsyncSession, user_id: int) -> tuple[TaskRef, ...]:
    query = select(Task.id, Task.title, Task.due_at, Task.priority).where(
        Task.user_id == user_id, Task.status.in_(OPEN_STATUSES)
    )
    rows = await session.execute(by_due_date(query))
    return tuple(TaskRef(r.id, r.title, r.due_at, r.priority) for r in rows)
