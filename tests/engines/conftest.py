from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from notetaker.engines.base import DateOrder, EngineInput, Plan, TaskRef, Turn
from notetaker.engines.local import LocalEngine

LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")
# A Friday morning in Lisbon, and the Saturday before US clocks spring forward.
LISBON_NOW = datetime(2026, 12, 4, 10, 0, tzinfo=LISBON)
NEW_YORK_NOW = datetime(2027, 3, 13, 10, 0, tzinfo=NEW_YORK)

OPEN_TASKS = (
    TaskRef(1, "Call the dentist"),
    TaskRef(2, "Write the report"),
    TaskRef(3, "Send report to Ana"),
    TaskRef(4, "Buy milk"),
    TaskRef(5, "Pay the invoice"),
)


def understand(
    text: str,
    *,
    now: datetime = LISBON_NOW,
    open_tasks: tuple[TaskRef, ...] = (),
    date_order: DateOrder = DateOrder.MDY,
    history: tuple[Turn, ...] = (),
) -> Plan:
    message = EngineInput(
        text=text,
        now=now,
        timezone=str(now.tzinfo),
        date_order=date_order,
        open_tasks=open_tasks,
        history=history,
    )
    return LocalEngine().understand(message)


@pytest.fixture
def engine() -> LocalEngine:
    return LocalEngine()
