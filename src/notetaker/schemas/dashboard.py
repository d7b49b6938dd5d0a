from pydantic import BaseModel

from notetaker.schemas.note import NoteRead
from notetaker.schemas.task import TaskRead


class DashboardCounts(BaseModel):
    open_tasks: int
    done_tasks: int
    overdue_tasks: int
    due_today: int
    notes: int
    conversations: int


class DashboardRead(BaseModel):
    counts: DashboardCounts
    overdue: list[TaskRead]
    due_today: list[TaskRead]
    next_7_days: list[TaskRead]
    recent_notes: list[NoteRead]
