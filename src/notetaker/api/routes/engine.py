from fastapi import APIRouter, Request

from notetaker.api.deps import CurrentUser
from notetaker.engines.chain import as_chain
from notetaker.schemas.engine import EngineChainRead

router = APIRouter(prefix="/api/engine", tags=["engine"])


@router.get("")
async def get_engine(request: Request, _user: CurrentUser) -> EngineChainRead:
    """Which understanding engines this server uses, in order, and whether each
    LLM provider is up, failing (degraded) or rested (circuit_open)."""
    return EngineChainRead.of(as_chain(request.app.state.engine))
