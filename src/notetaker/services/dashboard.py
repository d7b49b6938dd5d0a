"""The dashboard: each count is its own scalar subquery, so no join can multiply it."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.models import Conversation, Note, Task
from notetaker.services.schedule import UserDay, is_due_today, is_overdue
from notetaker.services.tasks import OPEN_STATUSES, by_due_date


@dataclass(frozen=True, slots=True)
class Dashboard:
    counts: dict[str, int]
    overdue: list[Task]
    due_today: list[Task]
    next_7_days: list[Task]
    recent_notes: list[Note]


def _count(query: Select) -> ScalarSelect[int]:
    return select(func.count()).select_from(query.subquery()).scalar_subquery()


async def get_dashboard(
    session: AsyncSession, *, user_id: int, day: UserDay, limit: int = 20
) -> Dashboard:
    open_tasks = select(Task).where(
        Task.user_id == user_id, Task.status.in_(OPEN_STATUSES)
    )
    done_tasks = select(Task.id).where(Task.user_id == user_id, Task.status == "done")
    notes = select(Note).where(Note.user_id == user_id, Note.archived.is_(False))
    conversations = select(Conversation.id).where(Conversation.user_id == user_id)
    overdue, due_today = is_overdue(day), is_due_today(day)
    upcoming = (Task.due_at >= day.end, Task.due_at < day.end + timedelta(days=7))

    counts = await session.execute(
        select(
            _count(open_tasks).label("open_tasks"),
            _count(done_tasks).label("done_tasks"),
            _count(open_tasks.where(overdue)).label("overdue_tasks"),
            _count(open_tasks.where(due_today)).label("due_today"),
            _count(notes).label("notes"),
            _count(conversations).label("conversations"),
        )
    )

    async def first(query: Select) -> list:
        return list(await session.scalars(query.limit(limit)))

    return Dashboard(
        counts=dict(counts.one()._mapping),
        overdue=await first(by_due_date(open_tasks.where(overdue))),
        due_today=await first(by_due_date(open_tasks.where(due_today))),
        next_7_days=await first(by_due_date(open_tasks.where(*upcoming))),
        recent_notes=await first(notes.order_by(Note.updated_at.desc())),
    )
