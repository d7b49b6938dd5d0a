from typing import Annotated

from fastapi import APIRouter, Query, status

from notetaker.api.deps import CurrentUser, Db, Now, OwnedTask, Session
from notetaker.api.routes.params import (
    CategoryQuery,
    Limit,
    Offset,
    TagQuery,
    TextQuery,
)
from notetaker.schemas.base import BoundedDatetime
from notetaker.schemas.task import (
    TaskCreate,
    TaskPage,
    TaskRead,
    TaskStatus,
    TaskUpdate,
)
from notetaker.services import tasks
from notetaker.services.schedule import UserDay

router = APIRouter(prefix="/api/tasks", tags=["tasks"])


@router.get("")
async def list_tasks(
    user: CurrentUser,
    db: Db,
    now: Now,
    status: Annotated[list[TaskStatus] | None, Query(max_length=4)] = None,
    due_before: BoundedDatetime | None = None,
    due_after: BoundedDatetime | None = None,
    overdue: bool = False,
    q: TextQuery = None,
    tag: TagQuery = None,
    category_id: CategoryQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TaskPage:
    spec = tasks.TaskFilter(
        statuses=tuple(status or ()),
        due_before=due_before,
        due_after=due_after,
        overdue_on=UserDay.of(now, user.timezone) if overdue else None,
        tag=tag,
        category_id=category_id,
        text=q,
    )
    items, total = await db.read(
        tasks.list_tasks, user_id=user.id, spec=spec, limit=limit, offset=offset
    )
    return TaskPage(items=items, total=total, limit=limit, offset=offset)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_task(
    data: TaskCreate, user: CurrentUser, session: Session
) -> TaskRead:
    task = await tasks.create_task(
        session, user_id=user.id, timezone=user.timezone, **data.model_dump()
    )
    return TaskRead.model_validate(task)


@router.get("/{task_id}")
async def get_task(task: OwnedTask) -> TaskRead:
    return TaskRead.model_validate(task)


@router.patch("/{task_id}")
async def update_task(data: TaskUpdate, task: OwnedTask, session: Session) -> TaskRead:
    await tasks.update_task(session, task=task, changes=data.changes())
    return TaskRead.model_validate(task)


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(task: OwnedTask, session: Session) -> None:
    await tasks.delete_task(session, task=task)
