from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from notetaker.api.deps import get_database
from notetaker.db.database import Database
from notetaker.engines.chain import as_chain

router = APIRouter(prefix="/api/health", tags=["health"])


@router.get("")
async def health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/ready")
async def ready(
    request: Request, db: Annotated[Database, Depends(get_database)]
) -> JSONResponse:
    """Readiness: the database answers a query. Each LLM provider's state (up,
    degraded, circuit_open) is reported beside it; none makes the app unready, as
    the built-in engine answers when they all fail."""
    providers = as_chain(request.app.state.engine).providers()
    extra = {"providers": providers} if providers else {}
    try:
        async with db.sessions() as session:
            await session.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        body = {"status": "unavailable", "checks": {"database": "down"}, **extra}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "checks": {"database": "up"}, **extra})
