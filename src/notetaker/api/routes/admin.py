"""Operator pages: only accounts listed in NOTETAKER_ADMIN_EMAILS see them."""

from fastapi import APIRouter, Depends

from notetaker.api.deps import CurrentUser, Settings
from notetaker.core.errors import NotFound
from notetaker.models import User
from notetaker.observability.report import performance_report
from notetaker.observability.window import WINDOW
from notetaker.schemas.performance import PerformanceRead

router = APIRouter(prefix="/api/admin", tags=["admin"])


def operator(user: CurrentUser, settings: Settings) -> User:
    """The caller if they are an operator; to anyone else the page does not exist."""
    admins = {email.lower() for email in settings.admin_emails}
    if user.email.lower() not in admins:
        raise NotFound("Not found.")
    return user


@router.get("/performance", dependencies=[Depends(operator)])
async def performance() -> PerformanceRead:
    """Latency percentiles, errors and throughput of this server process over
    the last few minutes."""
    return performance_report(WINDOW)
