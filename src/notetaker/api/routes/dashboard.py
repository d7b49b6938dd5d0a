from fastapi import APIRouter

from notetaker.api.deps import CurrentUser, Db, Now
from notetaker.schemas.dashboard import DashboardRead
from notetaker.services.dashboard import get_dashboard
from notetaker.services.schedule import UserDay

router = APIRouter(prefix="/api/dashboard", tags=["dashboard"])


@router.get("")
async def dashboard(user: CurrentUser, db: Db, now: Now) -> DashboardRead:
    day = UserDay.of(now, user.timezone)
    board = await db.read(get_dashboard, user_id=user.id, day=day)
    return DashboardRead.model_validate(board, from_attributes=True)
