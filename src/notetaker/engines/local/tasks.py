"""One task from one sentence: title, due date, priority, recurrence and tags."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from ..base import DateOrder, TaskDraft
from .dates import PART_HOURS, DateMatch, at, find_dates
from .lexicon import DETERMINERS, alternation
from .priority import find_marks
from .recurrence import Recurrence, find_recurrence, first_occurrence
from .titles import task_title, tidy

# A date after these words is what the task is about, not when it is due:
# "delete emails older than January 30th".
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:older|newer|earlier|later|more|less)\s+than|\bsince|\bdated|"
    r"\bof)\s*$",
    re.I,
)

# "Ask Priya for the Q3 numbers by Wednesday": "Q3" qualifies a noun, so it is part
# of the title, and "by Wednesday" says when the task is due.
_DETERMINER_BEFORE = re.compile(rf"\b(?:{alternation(DETERMINERS)})\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:at|on|in|by|for|and|or|to|from|until|till|before|after|around|about|"
    r"morning|afternoon|evening|night|noon|midnight|then|please|too|also|again|"
    r"is|are|was|will|it)\b)[^\W\d_]",
    re.I,
)


# "Every 3 months starting January 15": the day the repeats begin.
_STARTS = re.compile(
    r"\b(?:starting|start(?:s|ing)?\s+(?:on|from|in)|beginning|from|as\s+of|"
    r"effective|commencing)\s*$",
    re.I,
)
# A period said by its start ("this month") runs to the end of that period.
_PERIODS = {
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
}


@dataclass(frozen=True, slots=True)
class Due:
    at: datetime | None = None
    has_time: bool = False


def draft_task(
    text: str,
    now: datetime,
    order: DateOrder,
    *,
    dates: list[DateMatch] | None = None,
) -> TaskDraft:
    """The task a sentence asks for, with its title cleaned of everything else.

    `dates` are the sentence's dates when the caller has already found them.
    """
    recurrence = find_recurrence(text)
    found = find_dates(text, now, order) if dates is None else dates
    dates = _timing(text, found)
    marks = find_marks(text)
    due = _due_of(text, dates, recurrence, now)
    spans = [(d.start, d.end) for d in dates] + marks.spans
    if recurrence:
        spans.append((recurrence.start, recurrence.end))
    title = task_title(text, spans) or tidy(text) or "Untitled task"
    return TaskDraft(
        title=title[:500],
        due_at=due.at,
        due_has_time=due.has_time,
        priority=marks.priority,
        recurrence=recurrence.rule if recurrence else None,
        tags=marks.tags,
    )


def _timing(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """The dates that say when the task is due.

    A date used as a noun modifier ("the Q3 numbers") only counts when the sentence
    names no other date.
    """
    dates = [d for d in dates if not _is_subject(text, d)]
    timing = [d for d in dates if not _is_modifier(text, d)]
    return timing or dates


def _is_modifier(text: str, match: DateMatch) -> bool:
    before = _DETERMINER_BEFORE.search(text, max(0, match.start - 12), match.start)
    return bool(before and _NOUN_AFTER.match(text, match.end))


def _is_subject(text: str, match: DateMatch) -> bool:
    return bool(_SUBJECT_BEFORE.search(text, max(0, match.start - 20), match.start))


def _due_of(
    text: str, dates: list[DateMatch], recurrence: Recurrence | None, now: datetime
) -> Due:
    if recurrence:
        return _first_repeat(text, dates, recurrence, now)
    if not dates:
        return Due()
    return due_from(dates[0], now)


def due_from(match: DateMatch, now: datetime | None = None) -> Due:
    """When a task is due, from the date expression that names it.

    A period that is already running ("this month") is due by its last day.
    """
    step = _PERIODS.get(match.grain) if match.kind == "instant" else None
    if now and step and match.value.date() < now.date():
        last_day = match.value.date() + step - timedelta(days=1)
        if last_day >= now.date():
            return Due(at(last_day, time(), match.value.tzinfo), False)
    if match.has_time:
        return Due(match.value.replace(second=0, microsecond=0), True)
    if match.kind == "deadline" and match.end_value:
        # The last whole day before the deadline's end: "by Friday" is Friday,
        # "by March" March 31st, "before March" February's last day.
        last_day = match.end_value.date() - timedelta(days=1)
        return Due(at(last_day, time(), match.value.tzinfo), False)
    return Due(match.value, False)


def _first_repeat(
    text: str, dates: list[DateMatch], rule: Recurrence, now: datetime
) -> Due:
    wall = next((d.wall for d in dates if d.wall), None)
    if wall is None and rule.part:
        wall = time(PART_HOURS[rule.part])
    first = first_occurrence(rule.rule, _repeats_from(text, dates, now), wall)
    return Due(first, wall is not None and first is not None)


def _repeats_from(text: str, dates: list[DateMatch], now: datetime) -> datetime:
    """Now, or the later day the repeats are said to start on."""
    for match in dates:
        said = _STARTS.search(text, max(0, match.start - 20), match.start)
        if said and not match.clock_only and match.value.date() > now.date():
            return at(match.value.date(), time(), now.tzinfo)
    return now
