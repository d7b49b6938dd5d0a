"""From the model's answer to a validated `Plan`, with dates resolved on the server."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from ..base import (
    EngineInput,
    NoteDraft,
    Plan,
    QuestionQuery,
    TaskChange,
    TaskDraft,
    ThinkingStep,
)
from ..local.dates import at, find_dates
from .errors import InvalidOutput
from .schema import LLMChange, LLMPlan, LLMQuestion, LLMTask

_ISO_LOCAL = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})(?:[ T](?P<clock>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$"
)


@dataclass(frozen=True, slots=True)
class When:
    value: datetime  # aware, in the user's zone
    has_time: bool


def parse_plan(text: str) -> LLMPlan:
    """The model's JSON answer, validated; `InvalidOutput` says what was wrong."""
    try:
        return LLMPlan.model_validate_json(text)
    except ValidationError as exc:
        raise InvalidOutput(_describe(exc)) from exc


def _describe(exc: ValidationError) -> str:
    problems = [
        f"{'.'.join(str(p) for p in error['loc']) or 'answer'}: {error['msg']}"
        for error in exc.errors(include_input=False)[:10]
    ]
    return "; ".join(problems)


def resolve_when(text: str | None, message: EngineInput) -> When | None:
    """Local wall-clock text or the user's words, as an aware time in their zone."""
    if text is None or not text.strip():
        return None
    now = _local_now(message)
    exact = _ISO_LOCAL.match(text.strip())
    if exact is not None:
        return _from_iso(exact, now)
    found = find_dates(text, now, message.date_order)
    if not found:
        return None
    first = found[0]
    return When(first.value.replace(second=0, microsecond=0), first.has_time)


def _from_iso(match: re.Match[str], now: datetime) -> When | None:
    try:
        day = date.fromisoformat(match["day"])
        wall = time.fromisoformat(match["clock"]) if match["clock"] else time()
    except ValueError:
        return None
    return When(at(day, wall, now.tzinfo), match["clock"] is not None)


def _local_now(message: EngineInput) -> datetime:
    try:
        return message.now.astimezone(ZoneInfo(message.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return message.now


def to_plan(answer: LLMPlan, message: EngineInput) -> Plan:
    """The engine-neutral plan; ids of changed tasks must be among the open tasks."""
    known = {task.id for task in message.open_tasks}
    unknown = [c.task_id for c in answer.changes if c.task_id not in known]
    if unknown:
        raise InvalidOutput(f"changes: unknown task ids {unknown}")
    try:
        return Plan(
            intent=answer.intent,
            reply=answer.reply,
            notes=[NoteDraft(**note.model_dump()) for note in answer.notes],
            tasks=[_task(task, message) for task in answer.tasks],
            changes=[_change(change, message) for change in answer.changes],
            question=_question(answer.question, message),
            thinking=_steps(answer),
        )
    except ValidationError as exc:
        raise InvalidOutput(_describe(exc)) from exc


def _task(task: LLMTask, message: EngineInput) -> TaskDraft:
    when = resolve_when(task.due, message)
    return TaskDraft(
        title=task.title,
        description=task.description,
        due_at=when.value if when else None,
        due_has_time=when.has_time if when else False,
        priority=task.priority,
        recurrence=task.recurrence,
        tags=task.tags,
    )


def _change(change: LLMChange, message: EngineInput) -> TaskChange:
    when = resolve_when(change.due, message)
    return TaskChange(
        task_id=change.task_id,
        action=change.action,
        due_at=when.value if when else None,
        due_has_time=when.has_time if when else False,
        priority=change.priority,
    )


def _question(
    question: LLMQuestion | None, message: EngineInput
) -> QuestionQuery | None:
    if question is None:
        return None
    start = resolve_when(question.start, message)
    end = resolve_when(question.end, message)
    return QuestionQuery(
        kind=question.kind,
        start=start.value if start else None,
        end=end.value if end else None,
        text=question.text,
    )


def _steps(answer: LLMPlan) -> list[ThinkingStep]:
    steps = [ThinkingStep(kind="classify", label=f"Intent: {answer.intent}")]
    steps += [
        ThinkingStep(kind="extract", label=f"Task: {t.title}") for t in answer.tasks
    ]
    steps += [
        ThinkingStep(kind="extract", label=f"Note: {n.title}") for n in answer.notes
    ]
    return steps
