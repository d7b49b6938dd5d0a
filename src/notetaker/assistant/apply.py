"""Turns an engine's plan into stored notes and tasks in the caller's transaction."""

from dataclasses import dataclass, field
from datetime import datetime

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.errors import InvalidInput
from notetaker.engines.base import NoteDraft, Plan, TaskChange, TaskDraft
from notetaker.models import Note, Task, User
from notetaker.schemas.base import TagName, check_in_range
from notetaker.services import categories, notes, tasks

MAX_TITLE = 500
MAX_CATEGORY = 100
_TAG = TypeAdapter(TagName)


@dataclass(slots=True)
class AppliedPlan:
    reply: str
    notes: list[Note] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)


async def apply_plan(
    session: AsyncSession, *, user: User, plan: Plan, message_id: int
) -> AppliedPlan:
    applied = AppliedPlan(reply=plan.reply)
    for draft in plan.notes:
        note = await _create_note(session, user, draft, message_id)
        applied.notes.append(note)
        applied.steps.append(_stored("note", note.id, f"Saved note #{note.id}"))
    for draft in plan.tasks:
        task = await _create_task(session, user, draft, message_id)
        applied.tasks.append(task)
        applied.steps.append(_stored("task", task.id, f"Created task #{task.id}"))
    for change in plan.changes:
        changed = await _change_task(session, user, change, message_id)
        applied.tasks.extend(changed)
        label = f"{change.action.replace('_', ' ').capitalize()} task #{change.task_id}"
        applied.steps.append(_stored("task", change.task_id, label))
    return applied


def _title(text: str) -> str:
    return text.strip()[:MAX_TITLE] or "Untitled"


def _valid_tag(name: str) -> str | None:
    try:
        return _TAG.validate_python(name)
    except ValidationError:
        return None


def _tags(names: list[str]) -> list[str]:
    """The engine's tags that the API would accept, lower-cased.

    Tags the API would refuse (over 100 characters, spaces, commas) are dropped
    rather than truncated: a cut tag is a label the user never wrote, and two long
    ones sharing a prefix would merge. Such "tags" are pasted noise, not labels.
    """
    return [tag for tag in map(_valid_tag, names) if tag is not None]


def _due(value: datetime | None) -> datetime | None:
    """The engine's due date, held to the range the API accepts: outside it the
    message fails as a whole, as a client's request would."""
    if value is None:
        return None
    try:
        return check_in_range(value)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


def _stored(kind: str, object_id: int, label: str) -> dict:
    return {"kind": "store", "label": label, "detail": {"type": kind, "id": object_id}}


async def _category_id(
    session: AsyncSession, user: User, name: str | None
) -> int | None:
    # Found by the name it is stored under, so a long name is matched next time.
    name = (name or "").strip()[:MAX_CATEGORY].rstrip()
    if not name:
        return None
    category = await categories.find_or_create_category(
        session, user_id=user.id, name=name
    )
    return category.id


async def _create_note(
    session: AsyncSession, user: User, draft: NoteDraft, message_id: int
) -> Note:
    return await notes.create_note(
        session,
        user_id=user.id,
        title=_title(draft.title),
        body=draft.body,
        tags=_tags(draft.tags),
        category_id=await _category_id(session, user, draft.category),
        message_id=message_id,
    )


async def _create_task(
    session: AsyncSession, user: User, draft: TaskDraft, message_id: int
) -> Task:
    return await tasks.create_task(
        session,
        user_id=user.id,
        timezone=user.timezone,
        title=_title(draft.title),
        description=draft.description or "",
        priority=draft.priority,
        due_at=_due(draft.due_at),
        due_has_time=draft.due_has_time,
        recurrence=draft.recurrence,
        tags=_tags(draft.tags),
        message_id=message_id,
    )


async def _change_task(
    session: AsyncSession, user: User, change: TaskChange, message_id: int
) -> list[Task]:
    task = await tasks.get_task(session, user_id=user.id, task_id=change.task_id)
    if change.action == "delete":
        await tasks.delete_task(session, task=task, message_id=message_id)
        return []
    return await tasks.update_task(
        session, task=task, changes=_task_changes(change), message_id=message_id
    )


def _task_changes(change: TaskChange) -> dict[str, object]:
    match change.action:
        case "complete":
            return {"status": "done"}
        case "reopen":
            return {"status": "todo"}
        case "reschedule":
            return {"due_at": _due(change.due_at), "due_has_time": change.due_has_time}
        case "set_priority":
            return {"priority": change.priority or 1}
        case "set_status":
            return {"status": change.status}
    return {}
