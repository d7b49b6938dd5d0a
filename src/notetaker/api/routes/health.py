from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from notetaker.api.deps import get_database
from notetaker.db.database import Database

router = APIRouter(prefix="/api/health", tags=["health"])


@router.get("")
async def health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/ready")
async def ready(db: Annotated[Database, Depends(get_database)]) -> JSONResponse:
    """Readiness: the database answers a query."""
    try:
        async with db.sessions() as session:
            await session.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        body = {"status": "unavailable", "checks": {"database": "down"}}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "checks": {"database": "up"}})
