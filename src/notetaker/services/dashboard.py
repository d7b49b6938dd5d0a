"""The dashboard in three statements, built once per process.

Each count is its own scalar subquery, so no join can multiply it. The three task
sections come back from one UNION ALL, labelled by section and in due order; every
row brings its tags (`listing.columns_with_tags`). The statements take the user and
their day as bound parameters, so a request only executes them: building them again
each time cost as much as running them.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import (
    ScalarSelect,
    Select,
    bindparam,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from notetaker.models import Conversation, Note, Task
from notetaker.services.listing import Row, columns_with_tags, tagged
from notetaker.services.schedule import UserDay, is_due_today, is_overdue
from notetaker.services.tasks import DUE_ORDER, OPEN_STATUSES, due_order

SECTION_SIZE = 20
TASK_SECTIONS = ("overdue", "due_today", "next_7_days")


@dataclass(frozen=True, slots=True)
class Dashboard:
    counts: dict[str, int]
    overdue: list[Row]
    due_today: list[Row]
    next_7_days: list[Row]
    recent_notes: list[Row]


def _count(query: Select) -> ScalarSelect[int]:
    return select(func.count()).select_from(query.subquery()).scalar_subquery()


def _statements() -> tuple[Select, Select, Select]:
    user_id = bindparam("user_id")
    day = UserDay.bound()  # `is_overdue` and `is_due_today` only compare
    week_end = bindparam("week_end", type_=Task.due_at.type)
    open_tasks = select(Task).where(
        Task.user_id == user_id, Task.status.in_(OPEN_STATUSES)
    )
    done_tasks = select(Task.id).where(Task.user_id == user_id, Task.status == "done")
    notes = select(Note).where(Note.user_id == user_id, Note.archived.is_(False))
    conversations = select(Conversation.id).where(Conversation.user_id == user_id)
    overdue, due_today = is_overdue(day), is_due_today(day)
    upcoming = (Task.due_at >= day.end, Task.due_at < week_end)

    counts = select(
        _count(open_tasks).label("open_tasks"),
        _count(done_tasks).label("done_tasks"),
        _count(open_tasks.where(overdue)).label("overdue_tasks"),
        _count(open_tasks.where(due_today)).label("due_today"),
        _count(notes).label("notes"),
        _count(conversations).label("conversations"),
    )
    sections = []
    conditions_of = {
        "overdue": (overdue,),
        "due_today": (due_today,),
        "next_7_days": upcoming,
    }
    for name, conditions in conditions_of.items():
        part = (
            open_tasks.where(*conditions)
            .with_only_columns(literal(name).label("section"), *columns_with_tags(Task))
            .order_by(*DUE_ORDER)
            .limit(SECTION_SIZE)
            .subquery(name)
        )
        sections.append(select(part))
    # A UNION keeps no order of its parts: each part's order picks its rows,
    # this one orders them all.
    tasks = union_all(*sections).subquery("sections")
    in_due_order = select(tasks).order_by(*due_order(tasks.c))
    recent = notes.order_by(Note.updated_at.desc()).limit(SECTION_SIZE)
    return counts, in_due_order, recent.with_only_columns(*columns_with_tags(Note))


_COUNTS, _TASK_SECTIONS, _RECENT_NOTES = _statements()


def get_dashboard(session: Session, *, user_id: int, day: UserDay) -> Dashboard:
    """For `Database.read`."""
    params = {
        **day.parameters(),
        "user_id": user_id,
        "week_end": day.end + timedelta(days=7),
    }
    counts = session.connection().execute(_COUNTS, params).one()._mapping
    tasks = tagged(session.connection().execute(_TASK_SECTIONS, params).mappings())
    notes = tagged(session.connection().execute(_RECENT_NOTES, params).mappings())
    by_section: dict[str, list[Row]] = {name: [] for name in TASK_SECTIONS}
    for task in tasks:
        by_section[task.pop("section")].append(task)
    return Dashboard(
        counts=dict(counts),
        recent_notes=notes,
        **by_section,
    )
