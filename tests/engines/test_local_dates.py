from datetime import datetime, time

import pytest

from notetaker.engines.base import DateOrder
from notetaker.engines.local import find_dates
from tests.engines.conftest import (
    LISBON,
    LISBON_NOW,
    NEW_YORK,
    NEW_YORK_NOW,
    understand,
)


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


def only(text: str, now: datetime = LISBON_NOW, order: DateOrder = DateOrder.MDY):
    matches = find_dates(text, now, order)
    assert len(matches) == 1, matches
    return matches[0]


@pytest.mark.parametrize(
    ("text", "expected", "grain"),
    [
        ("today", lisbon(2026, 12, 4), "day"),
        ("tomorrow", lisbon(2026, 12, 5), "day"),
        ("the day after tomorrow", lisbon(2026, 12, 6), "day"),
        ("tonight", lisbon(2026, 12, 4, 20), "hour"),
        ("this evening", lisbon(2026, 12, 4, 19), "hour"),
        ("tomorrow morning", lisbon(2026, 12, 5, 9), "hour"),
        ("monday", lisbon(2026, 12, 7), "day"),
        ("friday", lisbon(2026, 12, 11), "day"),
        ("this friday", lisbon(2026, 12, 4), "day"),
        ("next tuesday", lisbon(2026, 12, 8), "day"),
        ("next friday", lisbon(2026, 12, 11), "day"),
        ("last monday", lisbon(2026, 11, 30), "day"),
        ("in 3 hours", lisbon(2026, 12, 4, 13), "second"),
        ("in 2 days", lisbon(2026, 12, 6), "day"),
        ("in a week", lisbon(2026, 12, 11), "day"),
        ("next week", lisbon(2026, 12, 7), "week"),
        ("next month", lisbon(2027, 1, 1), "month"),
        ("on the 5th", lisbon(2026, 12, 5), "day"),
        ("on the 3rd", lisbon(2027, 1, 3), "day"),
        ("March 3rd", lisbon(2027, 3, 3), "day"),
        ("3rd of March", lisbon(2027, 3, 3), "day"),
        ("march 3 2015", lisbon(2015, 3, 3), "day"),
        ("3/4", lisbon(2027, 3, 4), "day"),
        ("3/4/2027", lisbon(2027, 3, 4), "day"),
        ("2027-03-04", lisbon(2027, 3, 4), "day"),
        ("3pm", lisbon(2026, 12, 4, 15), "hour"),
        ("3:30 pm", lisbon(2026, 12, 4, 15, 30), "minute"),
        ("15:00", lisbon(2026, 12, 4, 15), "minute"),
        ("noon", lisbon(2026, 12, 4, 12), "hour"),
        ("at 9am", lisbon(2026, 12, 5, 9), "hour"),
        ("at 9", lisbon(2026, 12, 4, 21), "hour"),
        ("at 3", lisbon(2026, 12, 4, 15), "hour"),
        ("tomorrow at 9", lisbon(2026, 12, 5, 9), "hour"),
        ("tomorrow at 3", lisbon(2026, 12, 5, 15), "hour"),
        ("9 tomorrow morning", lisbon(2026, 12, 5, 9), "hour"),
        ("next Friday at 3pm", lisbon(2026, 12, 11, 15), "hour"),
        ("half past three pm", lisbon(2026, 12, 4, 15, 30), "minute"),
        ("end of the month", lisbon(2026, 12, 31), "day"),
        ("end of the week", lisbon(2026, 12, 4), "day"),
        ("end of the year", lisbon(2026, 12, 31), "day"),
    ],
)
def test_find_dates_resolves_expression(text, expected, grain):
    match = only(text)

    assert (match.value, match.grain) == (expected, grain)
    assert match.value.tzinfo is not None


def test_find_dates_reports_span():
    text = "call the dentist next Friday at 3pm please"

    match = only(text)

    assert (match.start, match.end, match.text) == (17, 35, "next Friday at 3pm")


def test_find_dates_numeric_day_first():
    assert only("3/4", order=DateOrder.DMY).value == lisbon(2027, 4, 3)


def test_find_dates_numeric_impossible_month_swaps():
    assert only("15/2", order=DateOrder.MDY).value == lisbon(2027, 2, 15)


def test_find_dates_deadline_ends_with_the_day():
    match = only("by Friday")

    assert match.kind == "deadline"
    assert (match.value, match.end_value) == (
        lisbon(2026, 12, 11),
        lisbon(2026, 12, 12),
    )


def test_find_dates_interval_from_to():
    match = only("from 3pm to 5pm")

    assert match.kind == "interval"
    assert (match.value, match.end_value) == (
        lisbon(2026, 12, 4, 15),
        lisbon(2026, 12, 4, 17),
    )


def test_find_dates_past_time_moves_to_tomorrow_only_without_date():
    assert only("9am").value == lisbon(2026, 12, 5, 9)
    assert only("today at 9am").value == lisbon(2026, 12, 4, 9)


@pytest.mark.parametrize(
    ("now", "expected"),
    [(lisbon(2026, 12, 4, 1), lisbon(2026, 12, 4, 15)),
     (lisbon(2026, 12, 4, 17, 31), lisbon(2026, 12, 5, 15))],
)  # fmt: skip
def test_find_dates_bare_early_hour_is_afternoon(now, expected):
    assert only("at 3", now=now).value == expected


def test_find_dates_time_after_two_days_holds_for_both():
    match = only("every Monday and Thursday at 8am")

    assert (match.kind, match.wall) == ("interval", time(8))


def test_find_dates_across_dst_keeps_wall_time():
    match = only("tomorrow at 3pm", now=NEW_YORK_NOW)

    assert match.value == datetime(2027, 3, 14, 15, tzinfo=NEW_YORK)
    assert match.value.utcoffset().total_seconds() == -4 * 3600


def test_find_dates_in_hours_across_dst_is_elapsed_time():
    late = datetime(2027, 3, 14, 0, 30, tzinfo=NEW_YORK)

    match = only("in 3 hours", now=late)

    assert match.value == datetime(2027, 3, 14, 4, 30, tzinfo=NEW_YORK)


def test_find_dates_skipped_wall_time_moves_forward():
    match = only("tomorrow at 2:30am", now=NEW_YORK_NOW)

    assert match.value.hour == 3 and match.value.minute == 30


@pytest.mark.parametrize(
    "text",
    [
        "call Mark",
        "email May about the budget",
        "April said hi",
        "plan my 40th birthday",
        "take 0.5 of a pill",
        "it costs $20",
        "$20 Am I crazy",
        "the 5th floor",
        "add 1/2 cup of sugar",
        "meet at 9 people",
        "Create monthly report",
    ],
)
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text, LISBON_NOW) == []


def test_find_dates_resolves_subject_date():
    match = only("delete emails older than January 30th")

    assert match.value == lisbon(2027, 1, 30)


def test_find_dates_invalid_day_is_skipped():
    assert find_dates("2/30", LISBON_NOW) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # Deadlines are all-day: due by the end of the last day they allow.
        ("pay taxes before March", lisbon(2027, 2, 28)),
        ("pay taxes before March 2028", lisbon(2028, 2, 29)),
        ("send the form before Friday", lisbon(2026, 12, 10)),
        ("renew the passport by March", lisbon(2027, 3, 31)),
        ("finish the essay by Monday", lisbon(2026, 12, 7)),
    ],
)
def test_create_task_deadline_due_on_its_last_day(text, due):
    task = understand(text).tasks[0]

    assert (task.due_at, task.due_has_time) == (due, False)


def test_find_dates_before_a_time_is_due_at_that_time():
    task = understand("call mom before 3pm").tasks[0]

    assert (task.due_at, task.due_has_time) == (lisbon(2026, 12, 4, 15), True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wake me at 6", lisbon(2026, 12, 5, 6)),
        ("alarm at 5", lisbon(2026, 12, 5, 5)),
        ("wake up at 6 tomorrow", lisbon(2026, 12, 5, 6)),
        ("gym at 6 before work", lisbon(2026, 12, 5, 6)),
        ("breakfast with Ana on Friday at 7", lisbon(2026, 12, 11, 7)),
        ("alarm for the flight at 4:30", lisbon(2026, 12, 5, 4, 30)),
        ("breakfast meeting at 9", lisbon(2026, 12, 5, 9)),
        ("call mum at 6", lisbon(2026, 12, 4, 18)),
        ("gym at 6 after work", lisbon(2026, 12, 4, 18)),
        ("wake me at 6pm", lisbon(2026, 12, 4, 18)),
        ("wake up early. Call mum at 6", lisbon(2026, 12, 4, 18)),
    ],
)
def test_find_dates_bare_hour_after_morning_words_is_morning(text, expected):
    assert only(text).value == expected


def test_create_task_to_wake_up_at_6_is_due_at_6am():
    task = understand("remind me to wake up at 6 tomorrow").tasks[0]

    assert task.due_at == lisbon(2026, 12, 5, 6)
