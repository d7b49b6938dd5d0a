"""Engines with scripted behaviour, swapped into a running app for one test."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi import FastAPI

from notetaker.engines.base import Intent, Plan, TaskChange, TaskDraft
from notetaker.services import conversations


@contextmanager
def engine_in_use(app: FastAPI, engine) -> Iterator[None]:
    working, app.state.engine = app.state.engine, engine
    try:
        yield
    finally:
        app.state.engine = working


class PlanEngine:
    """Answers every message with one fixed plan, as an engine outside our
    control might."""

    name = "scripted"
    history_messages = 0

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def understand(self, message) -> Plan:
        return self.plan


class BrokenEngine:
    name = "broken"
    history_messages = 0

    def understand(self, message):
        raise RuntimeError("engine exploded")


# Creates a task, then changes a task that does not exist: storing it must fail
# as a whole.
HALF_VALID_PLAN = Plan(
    intent=Intent.TASK,
    reply="ok",
    tasks=[TaskDraft(title="Should vanish")],
    changes=[TaskChange(task_id=2**31 - 1, action="complete")],
)


def fail_first_store(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The first call of `conversations.<name>` fails as a full disk would; the
    next ones (the failure reply's) store as usual."""
    store = getattr(conversations, name)
    calls: list[None] = []

    async def refuse_first(session, **fields):
        calls.append(None)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return await store(session, **fields)

    monkeypatch.setattr(conversations, name, refuse_first)
