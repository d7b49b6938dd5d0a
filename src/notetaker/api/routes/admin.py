"""Operator pages: only accounts listed in NOTETAKER_ADMIN_EMAILS see them."""

from fastapi import APIRouter, Depends

from notetaker.api.deps import CurrentUser, Settings
from notetaker.core.config import Settings as AppSettings
from notetaker.core.errors import NotFound
from notetaker.models import User
from notetaker.observability.report import performance_report
from notetaker.observability.window import WINDOW
from notetaker.schemas.performance import AccessRead, PerformanceRead

router = APIRouter(prefix="/api/admin", tags=["admin"])


def is_operator(user: User, settings: AppSettings) -> bool:
    return user.email.lower() in {email.lower() for email in settings.admin_emails}


def operator(user: CurrentUser, settings: Settings) -> User:
    """The caller if they are an operator; to anyone else the page does not exist."""
    if not is_operator(user, settings):
        raise NotFound("Not found.")
    return user


@router.get("/access")
async def access(user: CurrentUser, settings: Settings) -> AccessRead:
    """Which operator pages the caller may open, so that the UI links only those."""
    return AccessRead(performance=is_operator(user, settings))


@router.get("/performance", dependencies=[Depends(operator)])
async def performance() -> PerformanceRead:
    """Latency percentiles, errors and throughput of this server process over
    the last few minutes."""
    return performance_report(WINDOW)
