"""SQLite through the standard `sqlite3` driver, on the event loop.

An SQLite statement on our data takes microseconds. aiosqlite hands every cursor
call to a thread of its own, four hand-offs per statement, which cost more than the
work; and under load each hand-off also waits for the GIL, so a writer held
SQLite's lock for many milliseconds and the others queued behind it (`make bench`,
200 users: message p99 2.0 s with reads in threads, 0.44 s with reads on the loop).
Here the statements run where the request runs, and nothing they do waits:

- readers never wait in WAL mode;
- a writer takes its turn (`write_turns`) before BEGIN IMMEDIATE, waiting for the
  other processes in a thread, so SQLite's lock is free when it asks for it.

The dialect is the pysqlite one, marked async so that SQLAlchemy's asyncio layer
accepts it: its calls never await, so they complete inside the greenlet.
"""

import sqlite3
from typing import Any

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL

DRIVER = "sqlite+notetaker"


class _Cursor(sqlite3.Cursor):
    async def _async_soft_close(self) -> None:
        """SQLAlchemy's asyncio layer calls this on a result whose rows are still
        unread; they stay readable, as the cursor never leaves the loop's thread."""


class _Connection(sqlite3.Connection):
    def cursor(self, factory: type[sqlite3.Cursor] = _Cursor) -> sqlite3.Cursor:
        return super().cursor(factory)


class SQLiteOnLoopDialect(SQLiteDialect_pysqlite):
    driver = "notetaker"
    is_async = True
    supports_statement_cache = True

    def create_connect_args(self, url: URL) -> tuple[list[Any], dict[str, Any]]:
        args, kwargs = super().create_connect_args(url)
        return args, {**kwargs, "factory": _Connection}

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        if cls._is_url_file_db(url):
            return pool.AsyncAdaptedQueuePool
        # Each connection to ":memory:" would be a database of its own.
        return pool.StaticPool


registry.register("sqlite.notetaker", __name__, SQLiteOnLoopDialect.__name__)
