"""The built-in engine: rules and our own date resolver, offline and deterministic."""

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..base import (
    DateOrder,
    EngineInput,
    Intent,
    NoteDraft,
    Plan,
    TaskChange,
    TaskRef,
    ThinkingStep,
)
from . import braindump, replies
from .cleanup import normalise
from .dates import DateMatch, find_dates
from .durations import moved
from .intents import Signals, classify, is_chit_chat
from .pieces import Amount
from .priority import find_marks
from .questions import parse_question
from .recurrence import find_recurrence
from .tasks import draft_task, due_from
from .titles import tidy
from .updates import MATCH_THRESHOLD, UpdateRequest, match_task, parse_update

NOTE_TITLE_WORDS = 8
_NOTE_PREFIX = re.compile(
    r"^(?:note|idea|fyi|for\s+the\s+record|remember\s+that|note\s+that|keep\s+in\s+mind"
    r"|just\s+so\s+you\s+know|reminder\s+that)\b\s*[:,-]?\s*",
    re.I,
)
_SUBJECT_END = re.compile(r"\s+(?:is|are|was|were|has|have|will|can|should)\s+", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|my|our)\s+", re.I)
_PRIORITY_NAMES = {"urgent": 1, "top priority": 1, "important": 2, "not urgent": 4}


class LocalEngine:
    name = "local"

    def understand(self, message: EngineInput) -> Plan:
        now = _local_now(message)
        message = replace(message, text=normalise(message.text))
        text = message.text
        reading = Reading(parse_update(text), find_dates(text, now, message.date_order))
        signals = Signals(
            has_when=bool(reading.dates or find_recurrence(text)),
            is_update=_is_update(reading.update, message.open_tasks),
            is_brain_dump=braindump.is_brain_dump(text) and not is_chit_chat(text),
        )
        intent, reason = classify(text, signals)
        classified = ThinkingStep(
            kind="classify", label=f"Intent: {intent}", detail={"reason": reason}
        )
        plan = _PLANNERS[intent](message, now, reading)
        plan.thinking.insert(0, classified)
        return plan


@dataclass(frozen=True, slots=True)
class Reading:
    """What every planner may need, found once per message: dates cost the most."""

    update: UpdateRequest | None
    dates: list[DateMatch]


def _local_now(message: EngineInput) -> datetime:
    try:
        return message.now.astimezone(ZoneInfo(message.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return message.now


def _is_update(update: UpdateRequest | None, tasks: tuple[TaskRef, ...]) -> bool:
    if update is None:
        return False
    return update.strong or match_task(update.reference, tasks).scores_above(
        MATCH_THRESHOLD
    )


def _plan_task(message: EngineInput, now: datetime, reading: Reading) -> Plan:
    task = draft_task(message.text, now, message.date_order, dates=reading.dates)
    extracted = ThinkingStep(
        kind="extract",
        label=f"Task: {task.title}",
        detail={
            "title": task.title,
            "due": task.due_at.isoformat() if task.due_at else None,
            "due_has_time": task.due_has_time,
            "priority": task.priority,
            "recurrence": task.recurrence,
            "tags": task.tags,
        },
    )
    return Plan(
        intent=Intent.TASK,
        reply=replies.task_added(task),
        tasks=[task],
        thinking=[extracted],
    )


def _plan_note(message: EngineInput, now: datetime, _: object) -> Plan:
    body = _NOTE_PREFIX.sub("", message.text.strip(), count=1) or message.text.strip()
    note = NoteDraft(title=note_title(body), body=body, tags=find_marks(body).tags)
    extracted = ThinkingStep(
        kind="extract",
        label=f"Note: {note.title}",
        detail={"title": note.title, "tags": note.tags},
    )
    return Plan(
        intent=Intent.NOTE,
        reply=f'Saved note "{note.title}".',
        notes=[note],
        thinking=[extracted],
    )


def note_title(text: str) -> str:
    """A short title: the subject of the first sentence, or its first words."""
    first = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0]
    subject = _SUBJECT_END.split(first, maxsplit=1)[0]
    words = _LEADING_ARTICLE.sub("", subject).split()[:NOTE_TITLE_WORDS]
    return tidy(" ".join(words))[:120] or "Note"


def _plan_brain_dump(message: EngineInput, now: datetime, _: object) -> Plan:
    note, tasks = braindump.organise(message.text, now, message.date_order)
    extracted = ThinkingStep(
        kind="extract",
        label=f"Organised into {len(tasks)} tasks and a note",
        detail={"note": note.title, "tasks": [t.title for t in tasks]},
    )
    count = f"{len(tasks)} task{'s' if len(tasks) != 1 else ''}"
    reply = f'Organised your thoughts into the note "{note.title}" and added {count}.'
    return Plan(
        intent=Intent.BRAIN_DUMP,
        reply=reply,
        notes=[note],
        tasks=tasks,
        thinking=[extracted],
    )


def _plan_question(message: EngineInput, now: datetime, reading: Reading) -> Plan:
    query = parse_question(message.text, reading.dates, now)
    extracted = ThinkingStep(
        kind="extract",
        label=f"Question: {query.kind}",
        detail=query.model_dump(mode="json"),
    )
    return Plan(
        intent=Intent.QUESTION,
        reply="Here is what I found.",
        question=query,
        thinking=[extracted],
    )


def _plan_chit_chat(message: EngineInput, now: datetime, _: object) -> Plan:
    return Plan(intent=Intent.CHIT_CHAT, reply=replies.chit_chat(message.text))


def _plan_unsupported(message: EngineInput, now: datetime, _: object) -> Plan:
    return Plan(intent=Intent.UNSUPPORTED, reply=replies.unsupported())


def _plan_update(message: EngineInput, now: datetime, reading: Reading) -> Plan:
    update = reading.update
    assert update is not None  # classify only says task_update for an update form
    found = match_task(update.reference, message.open_tasks)
    matched = ThinkingStep(
        kind="match",
        label=f"Looking for the task: {update.reference}"[:200],
        detail={
            "action": update.action,
            "candidates": [t.title for t in found.tied],
            "scores": {str(k): round(v, 2) for k, v in found.scores.items()},
        },
    )
    plan = Plan(intent=Intent.TASK_UPDATE, reply="", thinking=[matched])
    if found.best is None:
        plan.reply = _unmatched_reply(update, found.tied)
        return plan
    change, plan.reply = _change(update, found.best, now, message.date_order)
    plan.changes = [change] if change else []
    return plan


def _unmatched_reply(update: UpdateRequest, tied: tuple[TaskRef, ...]) -> str:
    if tied:
        names = ", ".join(f'"{t.title}"' for t in tied[:-1])
        return f'Which one do you mean: {names} or "{tied[-1].title}"?'
    return f'I couldn\'t find an open task matching "{update.reference}".'


def _change(
    update: UpdateRequest, task: TaskRef, now: datetime, order: DateOrder
) -> tuple[TaskChange | None, str]:
    if update.action == "reschedule":
        return _reschedule(update, task, now, order)
    if update.action == "edit":
        return None, (
            f'What should change in "{task.title}"? Give me a new date or priority, '
            "or tell me it's done."
        )
    if update.action == "set_priority":
        priority = _priority(update.priority_words or "")
        change = TaskChange(task_id=task.id, action="set_priority", priority=priority)
        return change, f'Set "{task.title}" to priority {priority}.'
    done = {
        "complete": 'Marked "{}" as done.',
        "reopen": 'Reopened "{}".',
        "delete": 'Deleted "{}".',
    }[update.action]
    return TaskChange(task_id=task.id, action=update.action), done.format(task.title)


def _reschedule(
    update: UpdateRequest, task: TaskRef, now: datetime, order: DateOrder
) -> tuple[TaskChange | None, str]:
    if update.offset is not None:
        return _shift(update.offset, task, now)
    if not update.when:
        return None, f'When should "{task.title}" move to?'
    dates = find_dates(update.when, now, order)
    if not dates:
        return None, f'When should "{task.title}" move to? I couldn\'t read a date.'
    due = due_from(dates[0])
    change = TaskChange(
        task_id=task.id, action="reschedule", due_at=due.at, due_has_time=due.has_time
    )
    return (
        change,
        f'Moved "{task.title}" to {replies.format_due(due.at, due.has_time)}.',
    )


def _shift(
    offset: Amount, task: TaskRef, now: datetime
) -> tuple[TaskChange | None, str]:
    """Move a task by an amount of time from its current due date."""
    if task.due_at is None:
        return None, f'"{task.title}" has no due date to move from. When is it due?'
    # Due dates are stored in UTC; a naive one from a store that drops zones is UTC.
    stored = task.due_at if task.due_at.tzinfo else task.due_at.replace(tzinfo=UTC)
    current = stored.astimezone(now.tzinfo)
    due = moved(current, offset)
    # TaskRef does not say whether the due date had a time; a midnight is a date.
    has_time = bool(offset.clock) or current.time() != time()
    change = TaskChange(
        task_id=task.id, action="reschedule", due_at=due, due_has_time=has_time
    )
    return change, f'Moved "{task.title}" to {replies.format_due(due, has_time)}.'


def _priority(words: str) -> int:
    lowered = " ".join(words.lower().split())
    if lowered in _PRIORITY_NAMES:
        return _PRIORITY_NAMES[lowered]
    return find_marks(lowered).priority


_PLANNERS = {
    Intent.TASK: _plan_task,
    Intent.NOTE: _plan_note,
    Intent.BRAIN_DUMP: _plan_brain_dump,
    Intent.QUESTION: _plan_question,
    Intent.CHIT_CHAT: _plan_chit_chat,
    Intent.TASK_UPDATE: _plan_update,
    Intent.UNSUPPORTED: _plan_unsupported,
}
