"""The date kinds other products get wrong, each with several phrasings."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from notetaker.engines.base import DateOrder
from notetaker.engines.local import find_dates
from notetaker.engines.local.dates import resolve_local
from tests.engines.conftest import LISBON, LISBON_NOW, NEW_YORK, NEW_YORK_NOW

# LISBON_NOW is Friday 2026-12-04 10:00; NEW_YORK_NOW is Saturday 2027-03-13 10:00,
# the day before US clocks spring forward.
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LISBON)


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


def only(text: str, now: datetime = LISBON_NOW, order: DateOrder = DateOrder.MDY):
    matches = find_dates(text, now, order)
    assert len(matches) == 1, matches
    return matches[0]


@pytest.mark.parametrize(
    "text",
    [
        "ask May for the keys",
        "Mark's 40th birthday party",
        "take 1.5 pills with water",
        "take 0.5 of a pill",
        "$20 Am I crazy",
        "it costs $15.99",
        "order 3 pizzas for 12 people",
        "buy christmas presents",
        "carve the halloween pumpkin",
        "read chapter 7 of the book",
        "send the Q3 numbers to Priya",
        "review q4 targets",
    ],
)
def test_find_dates_ignores_names_and_numbers(text):
    assert find_dates(text, LISBON_NOW) == []


@pytest.mark.parametrize(
    ("text", "expected", "grain"),
    [
        ("tonight", lisbon(2026, 12, 4, 20), "hour"),
        ("this evening", lisbon(2026, 12, 4, 19), "hour"),
        ("tonight at 11", lisbon(2026, 12, 4, 23), "hour"),
        ("at 9am", lisbon(2026, 12, 5, 9), "hour"),
        ("at 8", lisbon(2026, 12, 4, 20), "hour"),
        ("7:30", lisbon(2026, 12, 4, 19, 30), "minute"),
        ("at 10:30", lisbon(2026, 12, 4, 10, 30), "minute"),
    ],
)
def test_find_dates_tonight_and_passed_times_look_ahead(text, expected, grain):
    match = only(text)

    assert (match.value, match.grain) == (expected, grain)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("by end of month", lisbon(2027, 1, 1)),
        ("by the end of the month", lisbon(2027, 1, 1)),
        ("by EOM", lisbon(2027, 1, 1)),
        ("by the end of next month", lisbon(2027, 2, 1)),
        ("by end of year", lisbon(2027, 1, 1)),
        ("by EOY", lisbon(2027, 1, 1)),
        ("by the end of the week", lisbon(2026, 12, 5)),
        ("by Friday", lisbon(2026, 12, 12)),
        ("by 5pm", lisbon(2026, 12, 4, 17)),
    ],
)
def test_find_dates_deadline_runs_to_the_end_of_the_window(text, end):
    match = only(text)

    assert (match.kind, match.end_value) == ("deadline", end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("end of the month", lisbon(2026, 12, 31)),
        ("end of next month", lisbon(2027, 1, 31)),
        ("end of the year", lisbon(2026, 12, 31)),
        ("end of the week", lisbon(2026, 12, 4)),
        ("last day of February 2028", lisbon(2028, 2, 29)),
    ],
)
def test_find_dates_end_of_period_is_its_last_day(text, expected):
    assert only(text).value == expected


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("3/4", DateOrder.MDY, lisbon(2027, 3, 4)),
        ("3/4", DateOrder.DMY, lisbon(2027, 4, 3)),
        ("3/4/2027", DateOrder.DMY, lisbon(2027, 4, 3)),
        ("03.04.2027", DateOrder.DMY, lisbon(2027, 4, 3)),
        ("03.04.2027", DateOrder.MDY, lisbon(2027, 3, 4)),
        ("15/2", DateOrder.MDY, lisbon(2027, 2, 15)),
        ("2/15", DateOrder.DMY, lisbon(2027, 2, 15)),
        ("31 10 2027", DateOrder.DMY, lisbon(2027, 10, 31)),
    ],
)
def test_find_dates_numeric_order_follows_setting(text, order, expected):
    assert only(text, order=order).value == expected


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("next Tuesday", LISBON_NOW, lisbon(2026, 12, 8)),
        ("next Friday", LISBON_NOW, lisbon(2026, 12, 11)),
        ("next Wednesday", MONDAY, lisbon(2026, 12, 16)),
        ("this Wednesday", MONDAY, lisbon(2026, 12, 9)),
        ("Wednesday", MONDAY, lisbon(2026, 12, 9)),
        ("Monday", MONDAY, lisbon(2026, 12, 14)),
        ("Sunday of last week", MONDAY, lisbon(2026, 12, 6)),
        ("monday of this week", LISBON_NOW, lisbon(2026, 11, 30)),
    ],
)
def test_find_dates_next_weekday_is_in_next_calendar_week(text, now, expected):
    assert only(text, now=now).value == expected


@pytest.mark.parametrize(
    ("text", "expected", "grain"),
    [
        ("the first Tuesday of October", lisbon(2027, 10, 5), "day"),
        ("last Friday of the month", lisbon(2026, 12, 25), "day"),
        ("the 20th of next month", lisbon(2027, 1, 20), "day"),
        ("3 fridays from now", lisbon(2026, 12, 25), "day"),
        ("2 mondays ago", lisbon(2026, 11, 23), "day"),
        ("Q1 2027", lisbon(2027, 1, 1), "quarter"),
        ("the 2nd quarter of 2027", lisbon(2027, 4, 1), "quarter"),
        ("next qtr", lisbon(2027, 1, 1), "quarter"),
        ("upcoming 2 weeks", lisbon(2026, 12, 14), "week"),
        ("the following week", lisbon(2026, 12, 7), "week"),
        ("christmas", lisbon(2026, 12, 25), "day"),
        ("easter 2027", lisbon(2027, 3, 28), "day"),
        ("thanksgiving", lisbon(2027, 11, 25), "day"),
        ("Mon, Dec 6", lisbon(2027, 12, 6), "day"),
        ("Sat, Dec 5", lisbon(2026, 12, 5), "day"),
        ("2 weeks after tomorrow", lisbon(2026, 12, 19), "day"),
        ("next tuesday +10 days", lisbon(2026, 12, 18), "day"),
    ],
)
def test_find_dates_resolves_named_days(text, expected, grain):
    match = only(text)

    assert (match.value, match.grain) == (expected, grain)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 minutes past 3pm", lisbon(2026, 12, 4, 15, 15)),
        ("20 to 2pm", lisbon(2026, 12, 4, 13, 40)),
        ("at three twenty", lisbon(2026, 12, 4, 15, 20)),
        ("at 3 15", lisbon(2026, 12, 4, 15, 15)),
        ("at 1030", lisbon(2026, 12, 4, 10, 30)),
        ("3 in the AM", lisbon(2026, 12, 5, 3)),
        ("3ish pm", lisbon(2026, 12, 4, 15)),
        ("at 19h30", lisbon(2026, 12, 4, 19, 30)),
        ("in 1 hour, 5 minutes and 30 seconds", lisbon(2026, 12, 4, 11, 5, 30)),
        ("in half an hour", lisbon(2026, 12, 4, 10, 30)),
        ("in 24 hours", lisbon(2026, 12, 5, 10)),
        ("2026-12-10T08:15:00", lisbon(2026, 12, 10, 8, 15)),
    ],
)
def test_find_dates_resolves_clock_times(text, expected):
    assert only(text).value == expected


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("Friday 8:00 GMT", LISBON_NOW, lisbon(2026, 12, 11, 8)),
        ("Friday 8:00 GMT", NEW_YORK_NOW, datetime(2027, 3, 19, 4, tzinfo=NEW_YORK)),
        ("tomorrow 9am PST", NEW_YORK_NOW, datetime(2027, 3, 14, 13, tzinfo=NEW_YORK)),
    ],
)
def test_find_dates_time_in_named_zone_shows_in_users_zone(text, now, expected):
    match = only(text, now=now)

    assert match.value == expected
    assert match.value.tzinfo == now.tzinfo


def test_find_dates_new_york_spring_forward_keeps_wall_clock():
    monday = only("Monday at 9am", now=NEW_YORK_NOW).value
    elapsed = only("in 24 hours", now=NEW_YORK_NOW).value

    assert monday == datetime(2027, 3, 15, 9, tzinfo=NEW_YORK)
    assert monday.utcoffset().total_seconds() == -4 * 3600
    assert elapsed == datetime(2027, 3, 14, 11, tzinfo=NEW_YORK)


def test_find_dates_lisbon_fall_back_keeps_wall_clock():
    saturday = datetime(2027, 10, 30, 10, tzinfo=LISBON)

    sunday = only("tomorrow at 9am", now=saturday).value
    monday = only("Monday at 9am", now=saturday).value

    assert (sunday.hour, sunday.utcoffset().total_seconds()) == (9, 0)
    assert (monday.hour, monday.utcoffset().total_seconds()) == (9, 0)
    assert saturday.utcoffset().total_seconds() == 3600


def test_find_dates_hours_across_lisbon_fall_back_are_elapsed():
    before = datetime(2027, 10, 31, 0, 30, tzinfo=LISBON)  # 23:30 UTC

    value = only("in 2 hours", now=before).value

    assert value.astimezone(ZoneInfo("UTC")) == datetime(
        2027, 10, 31, 1, 30, tzinfo=ZoneInfo("UTC")
    )
    assert (value.hour, value.minute) == (1, 30)


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("2026-12-11 15:00", datetime(2026, 12, 11, 15, tzinfo=NEW_YORK), True),
        ("2026-12-11T15:00:00", datetime(2026, 12, 11, 15, tzinfo=NEW_YORK), True),
        ("2026-12-11T15:00:00Z", datetime(2026, 12, 11, 15, tzinfo=NEW_YORK), True),
        ("2026-12-11", datetime(2026, 12, 11, tzinfo=NEW_YORK), False),
        ("2027-03-14 02:30", datetime(2027, 3, 14, 3, 30, tzinfo=NEW_YORK), True),
        ("next Friday 3pm", datetime(2026, 12, 11, 15, tzinfo=NEW_YORK), True),
        ("tomorrow", datetime(2026, 12, 5, tzinfo=NEW_YORK), False),
    ],
)
def test_resolve_local_reads_wall_clock_in_users_zone(text, expected, has_time):
    value, timed = resolve_local(text, LISBON_NOW, "America/New_York")

    assert (value, timed) == (expected, has_time)
    assert value.utcoffset() == NEW_YORK.utcoffset(value.replace(tzinfo=None))


@pytest.mark.parametrize("text", ["", "no date here", "2026-02-30", "2026-12-11 25:00"])
def test_resolve_local_unreadable_is_none(text):
    assert resolve_local(text, LISBON_NOW, LISBON) is None


def test_resolve_local_uses_date_order():
    value, _ = resolve_local("3/4", LISBON_NOW, LISBON, DateOrder.DMY)

    assert value == lisbon(2027, 4, 3)


@pytest.mark.parametrize(
    ("text", "start", "last"),
    [
        ("3-4pm", lisbon(2026, 12, 4, 15), lisbon(2026, 12, 4, 16)),
        ("3:30 to 6 p.m.", lisbon(2026, 12, 4, 15, 30), lisbon(2026, 12, 4, 18)),
        ("11-1pm", lisbon(2026, 12, 4, 11), lisbon(2026, 12, 4, 13)),
        ("July 13-15", lisbon(2027, 7, 13), lisbon(2027, 7, 15)),
        ("from the 13th to the 15th of July", lisbon(2027, 7, 13), lisbon(2027, 7, 15)),
        ("August 10 to 22, 2028", lisbon(2028, 8, 10), lisbon(2028, 8, 22)),
    ],
)
def test_find_dates_range_shares_meridiem_and_month(text, start, last):
    match = only(text)

    assert (match.kind, match.value, match.end_value) == ("interval", start, last)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("finish the audit by Q3", lisbon(2027, 7, 1)),
        ("hire two people in q1", lisbon(2027, 1, 1)),
        ("during Q4 we freeze deploys", lisbon(2026, 10, 1)),
        ("plan for Q2 2027", lisbon(2027, 4, 1)),
    ],
)
def test_find_dates_quarter_needs_a_year_or_time_preposition(text, expected):
    assert only(text).value == expected
