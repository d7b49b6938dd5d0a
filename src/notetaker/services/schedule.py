"""When a task counts as overdue or due today, in the user's own day."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.models import Task


@dataclass(frozen=True, slots=True)
class UserDay:
    now: datetime
    start: datetime  # today 00:00 in the user's zone
    end: datetime  # tomorrow 00:00 in the user's zone

    @classmethod
    def of(cls, now: datetime, timezone: str) -> "UserDay":
        zone = ZoneInfo(timezone)
        today = now.astimezone(zone).date()
        start = datetime.combine(today, datetime.min.time(), zone)
        end = datetime.combine(today + timedelta(days=1), datetime.min.time(), zone)
        return cls(now=now, start=start, end=end)

    @classmethod
    def bound(cls) -> "UserDay":
        """A day of bound parameters, for a statement built once and run with the
        values of `parameters()`."""
        instant = Task.due_at.type  # stored as the column stores it
        return cls(
            now=bindparam("now", type_=instant),
            start=bindparam("start", type_=instant),
            end=bindparam("end", type_=instant),
        )

    def parameters(self) -> dict[str, datetime]:
        return {"now": self.now, "start": self.start, "end": self.end}


def is_overdue(day: UserDay) -> ColumnElement[bool]:
    """A timed task is overdue once its time passes; an all-day one after its day."""
    return or_(
        and_(Task.due_has_time.is_(True), Task.due_at < day.now),
        and_(Task.due_has_time.is_(False), Task.due_at < day.start),
    )


def is_due_today(day: UserDay) -> ColumnElement[bool]:
    """Due later today (what has passed already counts as overdue instead)."""
    return and_(Task.due_at >= day.start, Task.due_at < day.end, ~is_overdue(day))


def same_day_in(due_at: datetime, *, old_zone: str, new_zone: str) -> datetime:
    """Midnight in `new_zone` of the calendar day `due_at` stands for in `old_zone`."""
    day = due_at.astimezone(ZoneInfo(old_zone)).date()
    return datetime.combine(day, datetime.min.time(), ZoneInfo(new_zone))


async def move_all_day_tasks(
    session: AsyncSession, *, user_id: int, timezone: str
) -> int:
    """Keep the user's all-day tasks on their calendar days in a new home zone.

    An all-day task is due on a day wherever the user is, and the queries above
    compare it with midnight in the user's current zone: so it is stored as that
    midnight. Timed tasks are instants ("the call is at 15:00 Lisbon time") and
    keep their time and zone. Returns how many tasks moved.
    """
    query = select(Task.id, Task.due_at, Task.timezone).where(
        Task.user_id == user_id,
        Task.due_has_time.is_(False),
        Task.due_at.is_not(None),
        Task.timezone != timezone,
    )
    moves = [
        {
            "id": task_id,
            "due_at": same_day_in(due_at, old_zone=zone, new_zone=timezone),
            "timezone": timezone,
        }
        for task_id, due_at, zone in await session.execute(query)
    ]
    if moves:
        await session.execute(update(Task), moves)
    return len(moves)
