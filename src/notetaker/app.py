from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from notetaker.api.limits import BodyLimitMiddleware
from notetaker.api.routes import (
    admin,
    auth,
    categories,
    conversations,
    dashboard,
    health,
    metrics,
    notes,
    tasks,
    ws,
)
from notetaker.api.static import WebUI
from notetaker.core.config import Settings, get_settings
from notetaker.core.errors import install_error_handlers
from notetaker.core.logging import configure_logging
from notetaker.db.database import Database
from notetaker.engines.registry import build_engine
from notetaker.events import InProcessHub
from notetaker.observability.middleware import InstrumentationMiddleware
from notetaker.observability.tracing import configure_tracing, shutdown_tracing


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    configure_tracing(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await app.state.engine.aclose()
        await app.state.database.dispose()
        shutdown_tracing()

    app = FastAPI(
        title="Note-Taker AI",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
        # Our middleware makes the request spans; FastAPI's own would record
        # query strings, where search text travels.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.events = InProcessHub()
    app.state.database = Database(settings, app.state.events)
    app.state.engine = build_engine(settings)
    install_error_handlers(app)
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
    routers += (admin, metrics)
    for module in routers:
        app.include_router(module.router)
    # The UI answers only paths no route matched; a wrong method on an API path
    # still gets its 405.
    app.router.default = WebUI()
    return app
