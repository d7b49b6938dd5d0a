from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import event, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session as SyncSession

from notetaker.core.config import Settings
from notetaker.db import checkpoints
from notetaker.db.sqlite_on_loop import DRIVER as SQLITE_ON_LOOP
from notetaker.db.write_turns import WriteTurns
from notetaker.events import outbox
from notetaker.events.hub import EventHub
from notetaker.observability.database import instrument_engine

P = ParamSpec("P")
T = TypeVar("T")


def _sqlite_engine(settings: Settings, *, begin: str) -> AsyncEngine:
    """SQLite with WAL and foreign keys, issuing our own BEGIN statement.

    Whichever driver the URL names, statements run through `sqlite_on_loop`. The
    driver's implicit transactions are turned off so that writers can start with
    BEGIN IMMEDIATE, which takes the write lock before the first read.
    """
    path = settings.sqlite_path()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: error messages and logs would otherwise quote the values
    # bound to a statement, that is, what users wrote.
    engine = create_async_engine(
        make_url(settings.database_url).set(drivername=SQLITE_ON_LOOP),
        pool_size=settings.database_pool_size,
        hide_parameters=True,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # busy_timeout only matters when a process that takes no write turn (an
        # outside tool) holds the lock; then the loop waits up to this long.
        for pragma in (
            "journal_mode=WAL",
            "foreign_keys=ON",
            "synchronous=NORMAL",
            "busy_timeout=5000",
            checkpoints.PRAGMA,
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _postgres_engine(settings: Settings) -> AsyncEngine:
    # No overflow: a connection opened beyond the pool is closed as soon as it is
    # returned, so bursts kept opening and closing them (117 in 10 s of `make bench`
    # reads, each a new server process and statements prepared again); waiting a
    # moment for a pooled one costs less (reads 667 -> 815-933 requests/s).
    engine = create_async_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=0,
        hide_parameters=True,
    )

    @event.listens_for(engine.sync_engine, "checkout")
    def _replace_if_closed(dbapi_connection, _record, _proxy) -> None:
        """A connection the server closed (a restart, an idle timeout) is known to
        be closed as soon as the event loop reads its end: asking costs nothing,
        where a ping before each use cost a round trip a request. Raised here, the
        pool opens a new one instead."""
        if dbapi_connection.driver_connection.is_closed():
            raise DisconnectionError("closed by the server")

    return engine


class Database:
    """The engines and session factories of one process.

    Reads and writes get separate factories; on PostgreSQL they share one pool,
    and reads run outside any transaction.
    """

    def __init__(self, settings: Settings, events: EventHub) -> None:
        self.events = events
        self._write_turns: WriteTurns | None = None
        self._checkpoints: checkpoints.Checkpoints | None = None
        if settings.is_sqlite:
            self.engine = _sqlite_engine(settings, begin="BEGIN")
            self.write_engine = _sqlite_engine(settings, begin="BEGIN IMMEDIATE")
            if (path := settings.sqlite_path()) is not None:
                self._write_turns = WriteTurns(path)
                self._checkpoints = checkpoints.Checkpoints(
                    path, turns=self._write_turns
                )
        else:
            self.write_engine = _postgres_engine(settings)
            # Reads at READ COMMITTED see a snapshot per statement whether or not
            # they are inside a transaction: BEGIN and COMMIT would only add two
            # round trips to each.
            self.engine = self.write_engine.execution_options(
                isolation_level="AUTOCOMMIT"
            )
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
        async with self._turn(write), factory() as session:
            async with session.begin():
                yield session
                changes = outbox.take(session)
                await self.events.write_ahead(session, changes)
            after_commit = outbox.take_after_commit(session)
        # After the write turn has passed on: a slow subscriber delays no writer.
        await self.events.committed(changes)
        for action in after_commit:
            action()

    async def read(
        self,
        work: Callable[Concatenate[SyncSession, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`work(session, ...)`, a plain function, in one read-only transaction.

        Written without awaits, a read builds no coroutine per statement: most of
        what a list request costs is spent in SQLAlchemy, not in the database.
        """
        async with self.transaction(write=False) as session:
            return await session.run_sync(work, *args, **kwargs)

    async def maintain(self) -> None:
        """What the database needs in the background while the app serves, until
        cancelled: on an SQLite file, its checkpoints."""
        if self._checkpoints is not None:
            await self._checkpoints.run()

    def _turn(self, write: bool) -> AbstractAsyncContextManager[None]:
        if write and self._write_turns is not None:
            return self._write_turns.turn()
        return nullcontext()

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.write_engine.dispose()
        if self._write_turns is not None:
            self._write_turns.close()
