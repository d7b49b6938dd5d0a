from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from notetaker.api.access_log import AccessLogMiddleware
from notetaker.api.limits import BodyLimitMiddleware
from notetaker.api.routes import (
    auth,
    categories,
    conversations,
    dashboard,
    health,
    notes,
    tasks,
)
from notetaker.core.config import Settings, get_settings
from notetaker.core.errors import install_error_handlers
from notetaker.core.logging import configure_logging
from notetaker.db.database import Database
from notetaker.engines.registry import build_engine
from notetaker.events import InProcessHub


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await app.state.database.dispose()

    app = FastAPI(
        title="Note-Taker AI",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.events = InProcessHub()
    app.state.database = Database(settings, app.state.events)
    app.state.engine = build_engine(settings)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["Authorization", "Content-Type"],
        )
    for module in (health, auth, conversations, notes, tasks, categories, dashboard):
        app.include_router(module.router)
    return app
