from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from notetaker.engines.local import find_recurrence
from notetaker.engines.local.rule_words import describe
from notetaker.services.recurrence import next_occurrence
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
        ("water the plants every Monday and Thursday at 8am",
         "FREQ=WEEKLY;BYDAY=MO,TH", "Water the plants", datetime(2026, 12, 7, 8),
         True),
        ("pay electricity bill every other week on Tuesday",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Pay electricity bill",
         datetime(2026, 12, 8), False),
        ("remind me every year on March 3 to renew the car insurance",
         "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "Renew the car insurance",
         datetime(2027, 3, 3), False),
        ("send the newsletter every January 1", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1",
         "Send the newsletter", datetime(2027, 1, 1), False),
        ("pay rent every 3 months starting January 15", "FREQ=MONTHLY;INTERVAL=3",
         "Pay rent", datetime(2027, 1, 15), False),
        ("take pills every day at 9am starting March 13 2027", "FREQ=DAILY",
         "Take pills", datetime(2027, 3, 13, 9), True),
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


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every 2nd and 4th Thursday", "FREQ=MONTHLY;BYDAY=2TH,4TH"),
        ("on the first Monday of every month", "FREQ=MONTHLY;BYDAY=1MO"),
        ("every last Friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("every Tuesday, Thursday and Saturday", "FREQ=WEEKLY;BYDAY=TU,TH,SA"),
        ("every day except Sunday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
        ("every day but Saturday and Sunday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("every weekday except Friday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"),
        ("every other week", "FREQ=WEEKLY;INTERVAL=2"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3"),
        ("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
        ("weekdays at 8", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("on the 15th of each month", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("every 2 weeks on Monday and Friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR"),
        ("annually on April 15th", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15"),
        ("on the 3rd of March every year", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"),
        ("every 29 Feb", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
    ],
)
def test_find_recurrence_rule(text, rule):
    found = find_recurrence(text)

    assert found is not None and found.rule == rule


@pytest.mark.parametrize(
    "text",
    [
        "Create monthly report",
        "send the daily digest to Ana",
        "review weekly metrics",
        "update the yearly budget",
    ],
)
def test_find_recurrence_adverb_in_title_is_not_a_schedule(text):
    assert find_recurrence(text) is None


@pytest.mark.parametrize(
    ("text", "first", "following"),
    [
        ("team sync every 1st and 3rd Tuesday at 10am",
         datetime(2026, 12, 15, 10), datetime(2027, 1, 5, 10)),
        ("stand-up weekdays at 8", datetime(2026, 12, 7, 8), datetime(2026, 12, 8, 8)),
        ("gym every day except Sunday at 7pm",
         datetime(2026, 12, 4, 19), datetime(2026, 12, 5, 19)),
        ("bins every other Tuesday at 7", datetime(2026, 12, 8, 19),
         datetime(2026, 12, 22, 19)),
    ],
)  # fmt: skip
def test_complete_recurring_task_schedules_next_occurrence(text, first, following):
    task = understand(text).tasks[0]

    due = next_occurrence(task.recurrence, start=task.due_at, timezone="Europe/Lisbon")

    assert task.due_at == first.replace(tzinfo=LISBON)
    assert due == following.replace(tzinfo=LISBON)


def test_complete_daily_task_keeps_wall_clock_across_dst():
    new_york = "America/New_York"
    before = datetime(2027, 3, 13, 9, tzinfo=ZoneInfo(new_york))

    due = next_occurrence("FREQ=DAILY", start=before, timezone=new_york)

    assert (due.day, due.hour, due.utcoffset().total_seconds()) == (14, 9, -4 * 3600)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "remind me every other Wednesday to water the plants",
            "every other Wednesday",
        ),
        ("stretch every 3 days", "every 3 days"),
        ("team sync every weekday at 9", "every weekday"),
        ("pay rent on the 1st of every month", "every month on the 1st"),
        (
            "book club on the last Friday of every month",
            "on the last Friday of every month",
        ),
        ("clean the flat every other week", "every other week"),
        ("gym every Monday and Thursday", "every Monday and Thursday"),
    ],
)
def test_create_task_recurring_reply_says_the_rule(text, words):
    plan = understand(text)

    assert f"repeats {words}" in plan.reply


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "every 3 weeks on Monday and Thursday"),
        (
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU",
            "on the second Tuesday of every other month",
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
        ("FREQ=MONTHLY;BYMONTHDAY=11,22", "every month on the 11th and 22nd"),
        ("FREQ=YEARLY", "every year"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on the 3rd of March"),
        ("FREQ=HOURLY", "regularly"),
        ("FREQ=WEEKLY;BYDAY=XX", "regularly"),
    ],
)
def test_describe_rule(rule, words):
    assert describe(rule) == words
