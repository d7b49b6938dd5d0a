from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from notetaker.core.config import Settings
from notetaker.events import outbox
from notetaker.events.hub import EventHub
from notetaker.observability.database import instrument_engine


def _sqlite_engine(settings: Settings, *, begin: str) -> AsyncEngine:
    """SQLite with WAL and foreign keys, issuing our own BEGIN statement.

    The driver's implicit transactions are turned off so that writers can start
    with BEGIN IMMEDIATE: a deferred transaction that reads and then writes fails
    at once with "database is locked" when another writer got in between, whereas
    an immediate one waits its turn (up to busy_timeout).
    """
    path = settings.sqlite_path()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: error messages and logs would otherwise quote the values
    # bound to a statement, that is, what users wrote.
    engine = create_async_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        hide_parameters=True,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "foreign_keys=ON",
            "synchronous=NORMAL",
            "busy_timeout=10000",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _postgres_engine(settings: Settings) -> AsyncEngine:
    return create_async_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_pool_size,
        pool_pre_ping=True,
        hide_parameters=True,
    )


class Database:
    """The engines and session factories of one process.

    Reads and writes get separate factories; on PostgreSQL they share one engine.
    """

    def __init__(self, settings: Settings, events: EventHub) -> None:
        self.events = events
        if settings.is_sqlite:
            self.engine = _sqlite_engine(settings, begin="BEGIN")
            self.write_engine = _sqlite_engine(settings, begin="BEGIN IMMEDIATE")
        else:
            self.engine = self.write_engine = _postgres_engine(settings)
        instrument_engine(self.engine)
        instrument_engine(self.write_engine)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = async_sessionmaker(
            self.write_engine, expire_on_commit=False
        )

    @asynccontextmanager
    async def transaction(self, *, write: bool = True) -> AsyncIterator[AsyncSession]:
        """A session that commits when the block succeeds and rolls back otherwise;
        events emitted in it are published once it has committed."""
        factory = self.write_sessions if write else self.sessions
        async with factory() as session:
            async with session.begin():
                yield session
            for user_id, event in outbox.take(session):
                await self.events.publish(user_id, event)

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.write_engine.dispose()
