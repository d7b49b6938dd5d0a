"""A change to one open task: the `TaskChange` to apply and the reply that says it."""

from datetime import UTC, datetime, time

from ..base import DateOrder, TaskChange, TaskRef
from . import replies
from .dates import DateMatch, at, find_dates
from .durations import moved
from .missing import missing_dates
from .pieces import Amount
from .priority import level_named
from .tasks import due_from
from .updates import UpdateRequest

_STATUS_REPLIES = {
    "in_progress": 'Marked "{}" as in progress.',
    "blocked": 'Marked "{}" as blocked.',
    "todo": 'Marked "{}" as to do.',
}
_DONE_REPLIES = {
    "complete": 'Marked "{}" as done.',
    "reopen": 'Reopened "{}".',
    "delete": 'Deleted "{}".',
}


def plan_change(
    update: UpdateRequest, task: TaskRef, now: datetime, order: DateOrder
) -> tuple[TaskChange | None, str]:
    """The change the request makes to the task, or none and a question back."""
    match update.action:
        case "reschedule":
            return _reschedule(update, task, now, order)
        case "snooze" if update.when:
            return _reschedule(update, task, now, order)
        case "snooze":
            return _snooze(update.offset, task, now)
        case "edit":
            return None, (
                f'What should change in "{task.title}"? Give me a new date or '
                "priority, or tell me it's done."
            )
        case "set_priority":
            level = level_named(update.priority_words or "")
            change = TaskChange(task_id=task.id, action="set_priority", priority=level)
            return change, f'Set "{task.title}" to priority {level}.'
        case "set_status":
            status = update.status or "in_progress"
            change = TaskChange(task_id=task.id, action="set_status", status=status)
            return change, _STATUS_REPLIES[status].format(task.title)
    change = TaskChange(task_id=task.id, action=update.action)
    return change, _DONE_REPLIES[update.action].format(task.title)


def _reschedule(
    update: UpdateRequest, task: TaskRef, now: datetime, order: DateOrder
) -> tuple[TaskChange | None, str]:
    if update.offset is not None:
        return _shift(update.offset, task, now)
    if not update.when:
        return None, f'When should "{task.title}" move to?'
    dates = find_dates(update.when, now, order)
    if not dates:
        missing = missing_dates(update.when)
        if missing:
            return None, f'{missing[0].reply} When should "{task.title}" move to?'
        return None, f'When should "{task.title}" move to? I couldn\'t read a date.'
    due, has_time = _new_due(dates[0], _current_due(task, now), now)
    change = TaskChange(
        task_id=task.id, action="reschedule", due_at=due, due_has_time=has_time
    )
    return change, f'Moved "{task.title}" to {replies.format_due(due, has_time)}.'


def _new_due(
    match: DateMatch, current: datetime | None, now: datetime
) -> tuple[datetime, bool]:
    """The new due moment: a bare time keeps the task's day ("make it 2pm"), a bare
    day keeps its time of day ("move the dentist to Monday")."""
    if current is not None and match.clock_only and current.date() >= now.date():
        wall = match.value.time()
        return at(current.date(), wall, now.tzinfo), True
    due = due_from(match, now)
    if current is not None and not due.has_time and _has_time(current):
        return at(due.at.date(), current.time(), now.tzinfo), True
    return due.at, due.has_time


def _current_due(task: TaskRef, now: datetime) -> datetime | None:
    if task.due_at is None:
        return None
    # Due dates are stored in UTC; a naive one from a store that drops zones is UTC.
    stored = task.due_at if task.due_at.tzinfo else task.due_at.replace(tzinfo=UTC)
    return stored.astimezone(now.tzinfo)


def _has_time(due: datetime) -> bool:
    # TaskRef does not say whether the due date had a time; a midnight is a date.
    return due.time() != time()


def _shift(
    offset: Amount, task: TaskRef, now: datetime
) -> tuple[TaskChange | None, str]:
    """Move a task by an amount of time from its current due date."""
    current = _current_due(task, now)
    if current is None:
        return None, f'"{task.title}" has no due date to move from. When is it due?'
    due = moved(current, offset)
    has_time = bool(offset.clock) or _has_time(current)
    change = TaskChange(
        task_id=task.id, action="reschedule", due_at=due, due_has_time=has_time
    )
    return change, f'Moved "{task.title}" to {replies.format_due(due, has_time)}.'


def _snooze(
    offset: Amount | None, task: TaskRef, now: datetime
) -> tuple[TaskChange | None, str]:
    """Later by an amount, from now or, for a task not due yet, from its due date."""
    if offset is None:
        return None, f'Until when should I snooze "{task.title}"?'
    current = _current_due(task, now)
    start = current if current is not None and current > now else now
    has_time = bool(offset.clock) or (start is current and _has_time(start))
    due = moved(start, offset)
    if not has_time:
        due = at(due.date(), time(), now.tzinfo)
    change = TaskChange(
        task_id=task.id, action="reschedule", due_at=due, due_has_time=has_time
    )
    return change, f'Snoozed "{task.title}" to {replies.format_due(due, has_time)}.'
