from datetime import datetime

import pytest

from tests.engines.conftest import LISBON, understand


@pytest.mark.parametrize(
    ("text", "rule", "title", "first", "has_time"),
    [
        ("every Monday at 9 review the board", "FREQ=WEEKLY;BYDAY=MO",
         "Review the board", datetime(2026, 12, 7, 9), True),
        ("water the plants daily", "FREQ=DAILY", "Water the plants",
         datetime(2026, 12, 4), False),
        ("stretch every day", "FREQ=DAILY", "Stretch", datetime(2026, 12, 4), False),
        ("clean the flat every other week", "FREQ=WEEKLY;INTERVAL=2", "Clean the flat",
         datetime(2026, 12, 4), False),
        ("pay rent on the first of each month", "FREQ=MONTHLY;BYMONTHDAY=1",
         "Pay rent", datetime(2027, 1, 1), False),
        ("stand-up weekdays at 8", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Stand-up",
         datetime(2026, 12, 7, 8), True),
        ("team sync every 1st and 3rd Tuesday at 10am", "FREQ=MONTHLY;BYDAY=1TU,3TU",
         "Team sync", datetime(2026, 12, 15, 10), True),
        ("go to the gym every day except Sunday",
         "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA", "Go to the gym",
         datetime(2026, 12, 4), False),
        ("take out the bins every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
         "Take out the bins", datetime(2026, 12, 8), False),
        ("meditate every morning", "FREQ=DAILY", "Meditate",
         datetime(2026, 12, 5, 9), True),
    ],
)  # fmt: skip
def test_create_task_recurring(text, rule, title, first, has_time):
    task = understand(text).tasks[0]

    assert (task.recurrence, task.title) == (rule, title)
    assert (task.due_at, task.due_has_time) == (first.replace(tzinfo=LISBON), has_time)


def test_create_task_monthly_in_title_is_not_a_schedule():
    task = understand("Create monthly report").tasks[0]

    assert (task.title, task.recurrence, task.due_at) == (
        "Create monthly report",
        None,
        None,
    )
