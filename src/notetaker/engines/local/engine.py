"""The built-in engine: rules and our own date resolver, offline and deterministic."""

import re
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..base import (
    EngineInput,
    Intent,
    NoteDraft,
    Plan,
    TaskDraft,
    TaskRef,
    ThinkingStep,
)
from . import braindump, replies
from .changes import plan_change
from .cleanup import normalise
from .compound import split_actions
from .dates import DateMatch, find_dates
from .followups import LOOK_BACK, recent_tasks
from .intents import Signals, classify, headed_list, is_chit_chat
from .language import is_foreign
from .missing import MissingDate, missing_dates
from .priority import find_marks
from .questions import parse_question
from .recurrence import find_recurrence
from .tasks import draft_task
from .titles import tidy
from .updates import (
    MATCH_THRESHOLD,
    UpdateRequest,
    is_pronoun,
    match_task,
    parse_update,
)

NOTE_TITLE_WORDS = 8
_NOTE_PREFIX = re.compile(
    r"^(?:note|idea|fyi|for\s+the\s+record|remember\s+that|note\s+that|keep\s+in\s+mind"
    r"|just\s+so\s+you\s+know|reminder\s+that)\b\s*[:,-]?\s*",
    re.I,
)
_SUBJECT_END = re.compile(r"\s+(?:is|are|was|were|has|have|will|can|should)\s+", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|my|our)\s+", re.I)


class LocalEngine:
    name = "local"
    # The turns "mark it done" can refer back to (see followups).
    history_messages = LOOK_BACK

    def understand(self, message: EngineInput) -> Plan:
        now = _local_now(message)
        message = replace(message, text=normalise(message.text))
        text = message.text
        if is_foreign(text):
            return _plan_foreign(text)
        update = parse_update(text)
        reading = Reading(
            update,
            find_dates(text, now, message.date_order),
            _target(update, message),
        )
        intent, reason = classify(text, _signals(text, reading, message.open_tasks))
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
    target: TaskRef | None = None  # the task "it" refers to, from the conversation


def _local_now(message: EngineInput) -> datetime:
    try:
        return message.now.astimezone(ZoneInfo(message.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return message.now


def _target(update: UpdateRequest | None, message: EngineInput) -> TaskRef | None:
    if update is None or not is_pronoun(update.reference):
        return None
    named = recent_tasks(message.history, message.open_tasks)
    return named[0] if len(named) == 1 else None


def _signals(text: str, reading: Reading, tasks: tuple[TaskRef, ...]) -> Signals:
    update = reading.update
    strong = update is not None and update.strong
    snoozes = update is not None and update.action == "snooze"
    # Matching titles costs the most: a strong form is an update without it.
    names_task = (snoozes or not strong) and _names_task(reading, tasks)
    return Signals(
        has_when=bool(reading.dates or find_recurrence(text)),
        is_update=strong or names_task,
        snoozes_task=snoozes and names_task,
        is_brain_dump=braindump.is_brain_dump(text) and not is_chit_chat(text),
    )


def _names_task(reading: Reading, tasks: tuple[TaskRef, ...]) -> bool:
    """Whether the update form names one of the open tasks."""
    if reading.update is None:
        return False
    if reading.target is not None:
        return True
    return match_task(reading.update.reference, tasks).scores_above(MATCH_THRESHOLD)


def _plan_task(message: EngineInput, now: datetime, reading: Reading) -> Plan:
    missing = missing_dates(message.text)
    if missing:
        return _no_such_day(missing[0])
    tasks = _draft_tasks(message, now, reading.dates)
    return Plan(
        intent=Intent.TASK,
        reply=replies.tasks_added(tasks),
        tasks=tasks,
        thinking=[_extracted(task) for task in tasks],
    )


def _extracted(task: TaskDraft) -> ThinkingStep:
    return ThinkingStep(
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


def _draft_tasks(
    message: EngineInput, now: datetime, dates: list[DateMatch]
) -> list[TaskDraft]:
    """One task per dated clause ("call Ana tomorrow and buy milk on Friday")."""
    order = message.date_order
    clauses = split_actions(message.text, dates)
    if len(clauses) == 1:
        return [draft_task(message.text, now, order, dates=dates)]
    return [draft_task(clause, now, order) for clause in clauses]


def _no_such_day(missing: MissingDate) -> Plan:
    # Saving the task without its date would leave a reminder that never fires;
    # nothing is stored, and the user says which day they meant.
    reply = f"{missing.reply} Which day did you mean? I haven't added anything yet."
    step = ThinkingStep(kind="error", label="The date named does not exist")
    return Plan(intent=Intent.TASK, reply=reply, thinking=[step])


def _plan_note(message: EngineInput, now: datetime, _: object) -> Plan:
    body = _NOTE_PREFIX.sub("", message.text.strip(), count=1) or message.text.strip()
    note = NoteDraft(title=note_title(body), body=body, tags=find_marks(body).tags)
    listed = headed_list(body)
    if listed is not None:
        heading, items = listed
        bullets = "\n".join(f"- {item}" for item in items)
        note = note.model_copy(update={"title": note_title(heading), "body": bullets})
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
    dump = braindump.organise(message.text, now, message.date_order)
    note, tasks = dump.note, dump.tasks
    extracted = ThinkingStep(
        kind="extract",
        label=f"Organised into {len(tasks)} tasks and a note",
        detail={
            "note": note.title,
            "tasks": [t.title for t in tasks],
            "left_out": dump.left_out,
        },
    )
    return Plan(
        intent=Intent.BRAIN_DUMP,
        reply=replies.dump_organised(note, tasks, dump.left_out),
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


def _plan_foreign(text: str) -> Plan:
    # Kept word for word rather than dropped: the user's words stay findable, and
    # no task or date is guessed from a language the rules cannot read.
    body = text.strip()
    note = NoteDraft(title=note_title(body), body=body)
    classified = ThinkingStep(
        kind="classify",
        label=f"Intent: {Intent.NOTE}",
        detail={"reason": "not English: kept as a note, nothing else read from it"},
    )
    return Plan(
        intent=Intent.NOTE,
        reply=replies.not_english(note.title),
        notes=[note],
        thinking=[classified],
    )


def _plan_chit_chat(message: EngineInput, now: datetime, _: object) -> Plan:
    return Plan(intent=Intent.CHIT_CHAT, reply=replies.chit_chat(message.text))


def _plan_unsupported(message: EngineInput, now: datetime, _: object) -> Plan:
    return Plan(intent=Intent.UNSUPPORTED, reply=replies.unsupported(message.text))


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
            # "it": the task the conversation was about, when there was one.
            "from_conversation": reading.target.title if reading.target else None,
        },
    )
    plan = Plan(intent=Intent.TASK_UPDATE, reply="", thinking=[matched])
    task = reading.target or found.best
    if task is None:
        tied = found.tied
        if is_pronoun(update.reference):
            tied = tuple(recent_tasks(message.history, message.open_tasks))
        plan.reply = _unmatched_reply(update, tied)
        return plan
    change, plan.reply = plan_change(update, task, now, message.date_order)
    plan.changes = [change] if change else []
    return plan


def _unmatched_reply(update: UpdateRequest, tied: tuple[TaskRef, ...]) -> str:
    if tied:
        names = ", ".join(f'"{t.title}"' for t in tied[:-1])
        return f'Which one do you mean: {names} or "{tied[-1].title}"?'
    if is_pronoun(update.reference):
        return "Which task do you mean? Tell me its name."
    return f'I couldn\'t find an open task matching "{update.reference}".'


_PLANNERS = {
    Intent.TASK: _plan_task,
    Intent.NOTE: _plan_note,
    Intent.BRAIN_DUMP: _plan_brain_dump,
    Intent.QUESTION: _plan_question,
    Intent.CHIT_CHAT: _plan_chit_chat,
    Intent.TASK_UPDATE: _plan_update,
    Intent.UNSUPPORTED: _plan_unsupported,
}
