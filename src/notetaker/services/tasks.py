from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from notetaker.core.errors import InvalidInput, NotFound
from notetaker.db.types import utcnow
from notetaker.models import Task
from notetaker.schemas.task import TaskRead
from notetaker.services import audit, listing
from notetaker.services.categories import get_category
from notetaker.services.recurrence import (
    HORIZON_YEARS,
    first_occurrence,
    following_rule,
    next_occurrence,
    validate_rule,
)
from notetaker.services.schedule import UserDay, is_overdue
from notetaker.services.tags import replace_tags, resolve_tags

OPEN_STATUSES = ("todo", "in_progress", "blocked")


@dataclass(frozen=True, slots=True)
class TaskFilter:
    statuses: tuple[str, ...] = ()
    due_before: datetime | None = None
    due_after: datetime | None = None
    overdue_on: UserDay | None = None
    tag: str | None = None
    category_id: int | None = None
    text: str | None = None

    def filters(self) -> listing.Parameters:
        """The filters in use, as `TASKS` names them, with their values (the
        overdue filter's are the user's day)."""
        found = listing.filters_in_use(
            statuses=list(self.statuses) or None,
            due_before=self.due_before,
            due_after=self.due_after,
            category_id=self.category_id,
            tag=self.tag,
            text=self.text,
        )
        if self.overdue_on is not None:
            found.update(overdue=True, **self.overdue_on.parameters())
        return found


def due_order(tasks: Any) -> tuple[ColumnElement, ...]:
    """Soonest first, undated last, then most important; `tasks` is the Task
    model or any selectable with its columns (a subquery of tasks)."""
    return (tasks.due_at.is_(None), tasks.due_at, tasks.priority, tasks.id)


DUE_ORDER = due_order(Task)


def by_due_date(query: Select[tuple[Task]]) -> Select[tuple[Task]]:
    return query.order_by(*DUE_ORDER)


TASKS = listing.Listing(
    Task,
    conditions={
        "statuses": lambda: Task.status.in_(bindparam("statuses", expanding=True)),
        "overdue": lambda: and_(
            Task.status.in_(OPEN_STATUSES), is_overdue(UserDay.bound())
        ),
        "due_before": lambda: Task.due_at < bindparam("due_before"),
        "due_after": lambda: Task.due_at >= bindparam("due_after"),
        **listing.common_conditions(Task, Task.title, Task.description),
    },
    order_by=DUE_ORDER,
)


def list_tasks(
    session: Session, *, user_id: int, spec: TaskFilter, limit: int, offset: int
) -> tuple[list[listing.Row], int]:
    """A page of tasks and the size of the whole filtered set (for `Database.read`)."""
    return TASKS.page(
        session, user_id=user_id, filters=spec.filters(), limit=limit, offset=offset
    )


async def get_task(session: AsyncSession, *, user_id: int, task_id: int) -> Task:
    task = await session.get(Task, task_id)
    if task is None or task.user_id != user_id:
        raise NotFound("Task not found.", details={"task_id": task_id})
    return task


async def create_task(
    session: AsyncSession,
    *,
    user_id: int,
    timezone: str,
    title: str,
    description: str = "",
    status: str = "todo",
    priority: int = 4,
    due_at: datetime | None = None,
    due_has_time: bool = True,
    recurrence: str | None = None,
    tags: list[str] = (),
    category_id: int | None = None,
    message_id: int | None = None,
) -> Task:
    if category_id is not None:
        await get_category(session, user_id=user_id, category_id=category_id)
    recurrence = _checked_recurrence(recurrence, due_at, timezone)
    task = Task(
        user_id=user_id,
        title=title,
        description=description,
        status=status,
        priority=priority,
        due_at=due_at,
        due_has_time=due_has_time if due_at else False,
        timezone=timezone,
        recurrence=recurrence,
        completed_at=utcnow() if status == "done" else None,
        category_id=category_id,
        source_message_id=message_id,
        tags=await resolve_tags(session, user_id=user_id, names=list(tags)),
    )
    session.add(task)
    await session.flush()
    await audit.record(
        session,
        user_id=user_id,
        action="task.created",
        object_type="task",
        object_id=task.id,
        message_id=message_id,
        payload=_shown(task),
    )
    return task


async def update_task(
    session: AsyncSession,
    *,
    task: Task,
    changes: dict[str, object],
    message_id: int | None = None,
) -> list[Task]:
    """Apply changes; returns the task, plus its next occurrence when completing a
    recurring task created one."""
    if changes.get("category_id") is not None:
        await get_category(
            session, user_id=task.user_id, category_id=changes["category_id"]
        )
    fields = sorted(changes)
    completing = changes.get("status") == "done" and task.status != "done"
    if completing:
        completing = await _claim_completion(session, task=task)
    if "tags" in changes:
        names = changes.pop("tags")
        await replace_tags(session, owner=task, names=names)
    for field, value in changes.items():
        setattr(task, field, value)
    if task.due_at is None:
        task.due_has_time = False
    if "recurrence" in changes or "due_at" in changes:
        task.recurrence = _checked_recurrence(
            task.recurrence, task.due_at, task.timezone
        )
    touched = [task]
    if completing:
        touched += await _schedule_next(session, task=task, message_id=message_id)
    elif task.status != "done":
        task.completed_at = None
    await session.flush()
    await audit.record(
        session,
        user_id=task.user_id,
        action="task.updated",
        object_type="task",
        object_id=task.id,
        message_id=message_id,
        changes={"fields": fields},
        payload=_shown(task),
    )
    return touched


async def _claim_completion(session: AsyncSession, *, task: Task) -> bool:
    """Marks the task done unless it already is, in one conditional UPDATE; True
    only for the completion that changed it.

    Of concurrent completions one wins: the others' UPDATE waits for its commit
    (PostgreSQL's row lock, SQLite's write lock), then matches no row. The task is
    reloaded so that a loser answers with the winner's state."""
    claimed = await session.execute(
        update(Task)
        .where(Task.id == task.id, Task.status != "done")
        .values(status="done", completed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    await session.refresh(task, ["status", "completed_at", "next_occurrence_id"])
    return claimed.rowcount == 1


def _checked_recurrence(
    rule: str | None, due_at: datetime | None, timezone: str
) -> str | None:
    """The rule in canonical form, refused (422) when it is malformed or when its
    series has no occurrence within the years a completion looks ahead."""
    if rule is None:
        return None
    _require_due_for_recurrence(rule, due_at)
    try:
        rule = validate_rule(rule)
    except ValueError as exc:
        raise InvalidInput(f"Invalid recurrence: {exc}.") from exc
    if first_occurrence(rule, start=due_at, timezone=timezone) is None:
        raise InvalidInput(
            f"This recurrence has no occurrence within {HORIZON_YEARS} years of "
            "the due date."
        )
    return rule


def _require_due_for_recurrence(rule: str | None, due_at: datetime | None) -> None:
    if rule and due_at is None:
        raise InvalidInput(
            "A recurring task needs a due date: it is where the repeats start."
        )


async def _schedule_next(
    session: AsyncSession, *, task: Task, message_id: int | None
) -> list[Task]:
    rule = following_rule(task.recurrence) if task.recurrence else None
    if rule is None or task.due_at is None or task.next_occurrence_id is not None:
        return []  # no next one, or created by an earlier completion
    # A task done late continues from now: finishing last month's daily chore
    # today must not leave a trail of overdue copies behind it.
    due = next_occurrence(
        task.recurrence,
        start=task.due_at,
        after=max(task.due_at, utcnow()),
        timezone=task.timezone,
    )
    if due is None:
        return []
    following = await create_task(
        session,
        user_id=task.user_id,
        timezone=task.timezone,
        title=task.title,
        description=task.description,
        priority=task.priority,
        due_at=due,
        due_has_time=task.due_has_time,
        recurrence=rule,
        tags=[tag.name for tag in task.tags],
        category_id=task.category_id,
        message_id=message_id,
    )
    task.next_occurrence_id = following.id
    return [following]


async def delete_task(
    session: AsyncSession, *, task: Task, message_id: int | None = None
) -> None:
    await session.delete(task)
    await session.flush()
    await audit.record(
        session,
        user_id=task.user_id,
        action="task.deleted",
        object_type="task",
        object_id=task.id,
        message_id=message_id,
    )


def _shown(task: Task) -> dict:
    return TaskRead.model_validate(task).model_dump(mode="json")
