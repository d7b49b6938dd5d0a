import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from notetaker.api.docs import install_docs
from notetaker.api.limits import BodyLimitMiddleware
from notetaker.api.routes import (
    admin,
    auth,
    categories,
    conversations,
    dashboard,
    engine,
    health,
    metrics,
    notes,
    tasks,
    ws,
)
from notetaker.api.static import WebUI
from notetaker.core import heap
from notetaker.core.config import Settings, get_settings
from notetaker.core.errors import install_error_handlers
from notetaker.core.logging import configure_logging
from notetaker.db.database import Database
from notetaker.engines.registry import build_engine
from notetaker.events.selection import build_event_hub
from notetaker.observability.middleware import InstrumentationMiddleware
from notetaker.observability.tracing import configure_tracing, shutdown_tracing
from notetaker.services import housekeeping
from notetaker.services.login_cache import LoginCache
from notetaker.services.rate_limit import build_rate_limiter


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    configure_tracing(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = app.state
        background = [
            asyncio.create_task(
                housekeeping.run_periodically(state.database, state.rate_limiter)
            ),
            asyncio.create_task(state.database.maintain()),
            asyncio.create_task(heap.trim_periodically()),
        ]
        yield
        for task in background:
            await _stop(task)
        await state.rate_limiter.store.aclose()
        await app.state.engine.aclose()
        await app.state.events.aclose()
        await app.state.database.dispose()
        shutdown_tracing()

    app = FastAPI(
        title="Note-Taker AI",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served from installed files by install_docs
        redoc_url=None,
        # Our middleware makes the request spans; FastAPI's own would record
        # query strings, where search text travels.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.events = build_event_hub(settings, lambda: app.state.database)
    app.state.database = Database(settings, app.state.events)
    app.state.login_cache = LoginCache(seconds=settings.login_cache_seconds)
    app.state.rate_limiter = build_rate_limiter(settings, app.state.database)
    app.state.engine = build_engine(settings)
    install_error_handlers(app)
    install_docs(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["Authorization", "Content-Type"],
        )
    # Outermost, so that its timing and request id cover every other layer.
    app.add_middleware(InstrumentationMiddleware)
    routers = (health, auth, conversations, notes, tasks, categories, dashboard, ws)
    routers += (engine, admin, metrics)
    for module in routers:
        app.include_router(module.router)
    # The UI answers only paths no route matched; a wrong method on an API path
    # still gets its 405.
    app.router.default = WebUI()
    return app


async def _stop(task: asyncio.Task[None]) -> None:
    """Cancel `task` and wait for it to end. A cancel can be lost inside a library
    (before Python 3.12, `asyncio.wait_for` drops one that lands just as the call it
    waits on completes), so it is repeated until the task has really ended."""
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=1.0)
    with suppress(asyncio.CancelledError):
        await task
