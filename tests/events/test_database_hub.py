"""Without Redis, several worker processes share live events through the database."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.util import await_only

from notetaker.db.types import utcnow
from notetaker.events import outbox
from notetaker.models import LiveEvent
from tests.events.conftest import client_of, next_event
from tests.factories import register


async def test_publish_thinking_step_before_change_of_same_transaction(two_processes):
    """An event tied to no transaction, published first, is delivered first."""
    async with two_processes(workers=2) as (a, b), client_of(b) as client:
        user_id = (await register(client)).user["id"]
        step = {"type": "thinking.step", "data": {"index": 0}}

        async with a.state.events.subscribe(user_id) as queue:
            async with b.state.database.transaction() as session:
                await b.state.events.publish(user_id, step)
                outbox.emit(session, user_id=user_id, type="note.created", data={})

            first, second = await next_event(queue), await next_event(queue)

    assert first == step
    assert second == {"type": "note.created", "data": {}}


async def test_publish_without_transaction_reaches_other_process(two_processes):
    async with two_processes(workers=2) as (a, b), client_of(b) as client:
        user_id = (await register(client)).user["id"]
        chunks = [{"type": "reply.delta", "data": {"offset": n}} for n in range(5)]

        async with a.state.events.subscribe(user_id) as queue:
            for chunk in chunks:
                await b.state.events.publish(user_id, chunk)

            assert [await next_event(queue) for _ in chunks] == chunks


async def test_rolled_back_change_is_not_announced(two_processes):
    async with two_processes(workers=2) as (a, b), client_of(b) as client:
        user_id = (await register(client)).user["id"]

        async with a.state.events.subscribe(user_id) as queue:
            try:
                async with b.state.database.transaction() as session:
                    outbox.emit(session, user_id=user_id, type="note.created", data={})
                    raise RuntimeError("the change fails")
            except RuntimeError:
                pass
            async with b.state.database.transaction() as session:
                outbox.emit(session, user_id=user_id, type="task.created", data={})

            assert (await next_event(queue))["type"] == "task.created"
            assert queue.empty()


async def test_publish_prunes_events_older_than_retention(two_processes):
    async with two_processes(workers=2) as (_, b):
        stale = LiveEvent(
            user_id=1, payload="{}", created_at=utcnow() - timedelta(minutes=5)
        )
        async with b.state.database.transaction() as session:
            session.add(stale)

        async with b.state.database.transaction() as session:
            outbox.emit(session, user_id=1, type="note.created", data={})

        async with b.state.database.transaction(write=False) as session:
            assert await session.get(LiveEvent, stale.id) is None


async def test_poll_stops_without_subscribers(two_processes):
    async with two_processes(workers=2) as (a, _):
        hub = a.state.events
        async with hub.subscribe(1):
            poller = hub._poller
            assert not poller.done()

        await asyncio.wait_for(poller, 5)


async def test_step_carried_by_failed_transaction_still_arrives(two_processes):
    async with two_processes(workers=2) as (a, b), client_of(b) as client:
        user_id = (await register(client)).user["id"]
        step = {"type": "thinking.step", "data": {"index": 0}}

        async with a.state.events.subscribe(user_id) as queue:
            await b.state.events.publish(user_id, step)
            try:
                # Fails as its events are written, after taking the waiting step.
                async with b.state.database.transaction() as session:
                    outbox.emit(session, user_id=user_id, type="bad", data=object())
            except TypeError:
                pass

            assert await next_event(queue) == step
            assert queue.empty()


async def test_put_back_events_keep_their_place_before_a_later_write(
    two_processes, migrated_settings, monkeypatch
):
    """PostgreSQL: a write that fails as its events are written frees the advisory
    lock with its ROLLBACK, before its carried events are put back; a write
    waiting for that lock must still not go out ahead of them."""
    if migrated_settings.is_sqlite:
        pytest.skip("SQLite's write turns already keep these apart")
    async with two_processes(workers=2) as (a, b), client_of(b) as client:
        user_id = (await register(client)).user["id"]
        database, hub = b.state.database, b.state.events
        step = {"type": "thinking.step", "data": {"index": 0}}
        locked = asyncio.Event()

        async def write(kind: str, data: object) -> None:
            async with database.transaction() as session:
                outbox.emit(session, user_id=user_id, type=kind, data=data)
                connection = await session.connection()
                raw = await connection.get_raw_connection()
                if kind == "failing":
                    _slow_roll_back(raw.dbapi_connection, monkeypatch, locked)

        async with a.state.events.subscribe(user_id) as queue:
            await hub.publish(user_id, step)
            # Fails as its events are written, after taking the waiting step.
            failing = asyncio.create_task(write("failing", object()))
            await locked.wait()
            later = asyncio.create_task(write("later", {}))
            with pytest.raises(TypeError):
                await failing
            await later

            assert await next_event(queue) == step
            assert (await next_event(queue))["type"] == "later"


def _slow_roll_back(target, monkeypatch, started: asyncio.Event) -> None:
    """This process sees the rollback of `target` (a driver connection) finished
    only a moment after the server did; `started` is set as it begins."""
    kind = type(target)
    roll_back = kind.rollback

    def slow(connection) -> None:
        if connection is target:
            started.set()
        roll_back(connection)
        if connection is target:
            await_only(asyncio.sleep(0.3))

    monkeypatch.setattr(kind, "rollback", slow)
