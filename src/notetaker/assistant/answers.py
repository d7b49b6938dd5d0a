"""Answers to questions about the user's own notes and tasks, with their sources."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.engines.base import QuestionQuery
from notetaker.models import Note, Task, User
from notetaker.services.filters import contains_text
from notetaker.services.notes import NEWEST_FIRST
from notetaker.services.schedule import UserDay, is_due_today, is_overdue
from notetaker.services.tasks import OPEN_STATUSES, by_due_date

MAX_ITEMS = 20
# Characters that make Markdown inline syntax (links, images, emphasis, code,
# tables); a backslash makes each one literal.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()!|~])")
# Angle brackets become entities, which every Markdown flavour shows as text,
# not as raw HTML.
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;"})


@dataclass(slots=True)
class Answer:
    reply: str
    tasks: list[Task] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def _open_tasks(user_id: int):
    return select(Task).where(Task.user_id == user_id, Task.status.in_(OPEN_STATUSES))


def _when(task: Task) -> str:
    if task.due_at is None:
        return "no due date"
    local = task.due_at.astimezone(ZoneInfo(task.timezone))
    pattern = "%a %d %b %H:%M" if task.due_has_time else "%a %d %b"
    return local.strftime(pattern)


def _escaped(text: str) -> str:
    """User text shown literally inside a Markdown reply, on one line."""
    one_line = " ".join(text.split())
    return _MARKDOWN.sub(r"\\\1", one_line).translate(_HTML)


def _task_lines(tasks: list[Task]) -> str:
    return "\n".join(
        f"- [{_escaped(t.title)}](/tasks/{t.id}) ({_when(t)})" for t in tasks
    )


def _note_lines(notes: list[Note]) -> str:
    return "\n".join(f"- [{_escaped(n.title)}](/notes/{n.id})" for n in notes)


async def _tasks_answer(
    session: AsyncSession, query, heading: str, empty: str
) -> Answer:
    tasks = list(await session.scalars(by_due_date(query).limit(MAX_ITEMS)))
    if not tasks:
        return Answer(reply=empty)
    return Answer(reply=f"{heading}\n{_task_lines(tasks)}", tasks=tasks)


async def _search_answer(session: AsyncSession, user_id: int, text: str) -> Answer:
    words = [w for w in text.split() if len(w) > 2] or [text]
    note_match = [contains_text(Note.title, w) for w in words]
    note_match += [contains_text(Note.body, w) for w in words]
    notes = list(
        await session.scalars(
            select(Note)
            .where(Note.user_id == user_id, or_(*note_match))
            .order_by(Note.updated_at.desc())
            .limit(MAX_ITEMS)
        )
    )
    task_match = [contains_text(Task.title, w) for w in words]
    tasks = list(
        await session.scalars(
            by_due_date(
                select(Task).where(Task.user_id == user_id, or_(*task_match))
            ).limit(MAX_ITEMS)
        )
    )
    if not notes and not tasks:
        shown = _escaped(text)
        return Answer(reply=f'I found nothing about "{shown}" in your notes or tasks.')
    parts = [f'Here is what I have about "{_escaped(text)}":']
    if notes:
        parts.append(_note_lines(notes))
    if tasks:
        parts.append(_task_lines(tasks))
    return Answer(reply="\n".join(parts), tasks=tasks, notes=notes)


async def _notes_answer(session: AsyncSession, user_id: int, *, count: bool) -> Answer:
    mine = select(Note).where(Note.user_id == user_id, Note.archived.is_(False))
    if count:
        total = await session.scalar(select(func.count()).select_from(mine.subquery()))
        return Answer(reply=f"You have {total or 'no'} {_plural(total, 'note')}.")
    notes = list(await session.scalars(mine.order_by(*NEWEST_FIRST).limit(MAX_ITEMS)))
    if not notes:
        return Answer(reply="You have no notes yet.")
    return Answer(reply=f"Your latest notes:\n{_note_lines(notes)}", notes=notes)


def _plural(count: int | None, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


@dataclass(frozen=True, slots=True)
class _TaskQuestion:
    query: Select
    heading: str
    empty: str
    counted: str | None  # what the counted tasks are ("overdue"); None: all open
    levels: str | None = None  # the priorities asked for ("priority 1-2"); None: all


async def answer_question(
    session: AsyncSession, *, user: User, question: QuestionQuery, now: datetime
) -> Answer:
    if question.kind == "search":
        return await _search_answer(session, user.id, question.text or "")
    if question.kind == "notes":
        return await _notes_answer(session, user.id, count=question.count)
    asked = _task_question(question, UserDay.of(now, user.timezone), user.id)
    asked = _at_priority(asked, question.priority, question.priority_or_lower)
    if question.count:
        return await _count_answer(session, asked)
    return await _tasks_answer(session, asked.query, asked.heading, asked.empty)


def _task_question(
    question: QuestionQuery, day: UserDay, user_id: int
) -> _TaskQuestion:
    mine = _open_tasks(user_id)
    match question.kind:
        case "due_today":
            return _TaskQuestion(
                mine.where(or_(is_due_today(day), is_overdue(day))),
                "Due today (and anything overdue):",
                "Nothing is due today.",
                "due today or overdue",
            )
        case "overdue":
            overdue = mine.where(is_overdue(day))
            return _TaskQuestion(overdue, "Overdue:", "Nothing is overdue.", "overdue")
        case "due_window":
            start, end = question.start or day.start, question.end or day.end
            # Read in the user's zone: a window may come with another offset.
            zone = day.start.tzinfo
            last = end - timedelta(seconds=1)
            span = _span(start.astimezone(zone), last.astimezone(zone))
            return _TaskQuestion(
                mine.where(Task.due_at >= start, Task.due_at < end),
                f"Due {span}:",
                "Nothing is due in that time.",
                f"due {span}",
            )
    return _TaskQuestion(mine, "Your open tasks:", "You have no open tasks.", None)


def _span(first: datetime, last: datetime) -> str:
    """The days of a window, for a heading: "Sat 05 Dec" or "from Sat 05 Dec to …"."""
    if first.date() == last.date():
        return f"{first:%a %d %b}"
    return f"from {first:%a %d %b} to {last:%a %d %b}"


def _at_priority(
    asked: _TaskQuestion, priority: int | None, or_lower: int | None
) -> _TaskQuestion:
    """The tasks asked about, kept to the priorities from `or_lower` (or the most
    urgent) to `priority` (or the least urgent)."""
    if priority is None and or_lower is None:
        return asked
    most, least = or_lower or 1, priority or 4  # 1 is the most urgent, 4 the least
    levels = f"priority {most}" if most == least else f"priority {most}-{least}"
    return _TaskQuestion(
        asked.query.where(Task.priority >= most, Task.priority <= least),
        f"{asked.heading.removesuffix(':')} at {levels}:",
        f"{asked.empty.removesuffix('.')} at {levels}.",
        asked.counted,
        levels,
    )


async def _count_answer(session: AsyncSession, asked: _TaskQuestion) -> Answer:
    count = await session.scalar(
        select(func.count()).select_from(asked.query.subquery())
    )
    tasks = _plural(count, "task")
    if asked.levels:
        tasks = f"{tasks} at {asked.levels}"
    if asked.counted is None:
        return Answer(reply=f"You have {count or 'no'} open {tasks}.")
    verb = "is" if count == 1 else "are"
    return Answer(reply=f"{count or 'No'} open {tasks} {verb} {asked.counted}.")
