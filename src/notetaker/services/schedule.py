"""When a task counts as overdue or due today, in the user's own day."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_

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


def is_overdue(day: UserDay) -> ColumnElement[bool]:
    """A timed task is overdue once its time passes; an all-day one after its day."""
    return or_(
        and_(Task.due_has_time.is_(True), Task.due_at < day.now),
        and_(Task.due_has_time.is_(False), Task.due_at < day.start),
    )


def is_due_today(day: UserDay) -> ColumnElement[bool]:
    """Due later today (what has passed already counts as overdue instead)."""
    return and_(Task.due_at >= day.start, Task.due_at < day.end, ~is_overdue(day))
