import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from notetaker.services import recurrence
from notetaker.services.recurrence import following_rule, next_occurrence, validate_rule

UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=99999999999999999999",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MINUTELY",
        "FREQ=SECONDLY;BYMONTH=2",
        "FREQ=DAILY\nRRULE:FREQ=HOURLY",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;COUNT=3;UNTIL=20270101",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;BYHOUR=3",
        "INTERVAL=2",
        "FREQ=MONTHLY;BYDAY=+53MO",
        "FREQ=MONTHLY;BYDAY=6MO",
        "FREQ=YEARLY;BYDAY=-99FR",
        "FREQ=YEARLY;BYDAY=54FR",
        "FREQ=YEARLY;BYMONTH=3;BYDAY=6MO",
        "FREQ=WEEKLY;BYDAY=1MO",
        "FREQ=MONTHLY;BYDAY=0MO",
        "FREQ=MONTHLY;BYDAY=1MO,FR",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2",
        "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=8",
        "FREQ=DAILY;BYMONTH=-1",
        "FREQ=DAILY;UNTIL=2027",
        "FREQ=DAILY;WKST=XX",
    ],
)
def test_validate_rule_refuses(rule):
    with pytest.raises(ValueError):
        validate_rule(rule)


@pytest.mark.parametrize(
    ("rule", "canonical"),
    [
        ("freq=daily", "FREQ=DAILY"),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=WEEKLY;BYDAY=MO,WE"),
        ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
        ("FREQ=DAILY;UNTIL=20270101T000000Z", "FREQ=DAILY;UNTIL=20270101T000000"),
        ("FREQ=MONTHLY;BYDAY=-5MO", "FREQ=MONTHLY;BYDAY=-5MO"),
        ("FREQ=YEARLY;BYDAY=+53FR", "FREQ=YEARLY;BYDAY=+53FR"),
    ],
)
def test_validate_rule_accepts_canonical(rule, canonical):
    assert validate_rule(rule) == canonical


def test_following_rule_counts_down_to_none():
    assert following_rule("FREQ=DAILY;COUNT=3") == "FREQ=DAILY;COUNT=2"
    assert following_rule("FREQ=DAILY;COUNT=1") is None
    assert following_rule("FREQ=WEEKLY") == "FREQ=WEEKLY"


def test_next_occurrence_keeps_wall_clock_across_dst():
    zone = ZoneInfo("Europe/Lisbon")
    due = datetime(2027, 10, 30, 9, 0, tzinfo=zone)

    following = next_occurrence("FREQ=DAILY", start=due, timezone="Europe/Lisbon")

    assert following == datetime(2027, 10, 31, 9, 0, tzinfo=zone)
    assert following.utcoffset().total_seconds() == 0


def test_next_occurrence_after_until_is_none():
    due = datetime(2027, 1, 1, 9, 0, tzinfo=ZoneInfo("UTC"))

    assert (
        next_occurrence("FREQ=DAILY;UNTIL=20270101T235959", start=due, timezone="UTC")
        is None
    )


RULES = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYDAY=MO,WE,FR",
    "FREQ=DAILY;BYMONTHDAY=1,15,-1",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=3",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1",
    "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA;BYSETPOS=-1",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=30",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU",
    "FREQ=MONTHLY;BYDAY=5MO",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=MONTHLY;BYMONTH=1,6;BYMONTHDAY=10",
    "FREQ=YEARLY",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=YEARLY;BYDAY=20MO",
    "FREQ=YEARLY;BYDAY=1MO,-1MO",
    "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
    "FREQ=YEARLY;INTERVAL=2;BYMONTHDAY=1",
    "FREQ=YEARLY;BYMONTH=5;BYDAY=MO;BYSETPOS=-1",
    "FREQ=DAILY;COUNT=5",
    "FREQ=WEEKLY;COUNT=3;BYDAY=SA",
    "FREQ=MONTHLY;UNTIL=20300101T000000",
]
STARTS = [
    datetime(2027, 1, 1, 9),
    datetime(2027, 1, 31, 18, 30),
    datetime(2028, 2, 29, 7),
    datetime(2027, 12, 27, 23, 59),
]


@pytest.mark.parametrize("rule", RULES)
def test_next_occurrence_agrees_with_dateutil(rule):
    for start, days_later in itertools.product(STARTS, (0, 45, 400)):
        after = start + timedelta(days=days_later, hours=1)
        expected = rrulestr(f"RRULE:{rule}", dtstart=start).after(after)

        found = next_occurrence(
            rule,
            start=start.replace(tzinfo=UTC),
            after=after.replace(tzinfo=UTC),
            timezone="UTC",
        )

        assert found == (expected and expected.replace(tzinfo=UTC)), (start, after)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=7;BYDAY=MO",  # from a Tuesday: never a Monday
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",  # from 2027: never leap
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",  # next in 2044
        "FREQ=DAILY;COUNT=1000;INTERVAL=7;BYDAY=MO",
    ],
)
def test_next_occurrence_of_rare_rule_ends_after_bounded_scan(rule, monkeypatch):
    months = []
    listed = recurrence._Series.days_in

    def counted(series, year, month):
        months.append((year, month))
        return listed(series, year, month)

    monkeypatch.setattr(recurrence._Series, "days_in", counted)
    start = datetime(2027, 1, 5, 9, tzinfo=UTC)  # a Tuesday

    found = next_occurrence(
        rule, start=start, after=start + timedelta(days=5 * 365), timezone="UTC"
    )

    assert found is None
    assert len(months) <= recurrence.MAX_MONTHS_SCANNED


def test_next_occurrence_of_stored_rule_now_refused_ends_series():
    start = datetime(2027, 1, 4, 9, tzinfo=UTC)

    assert (
        next_occurrence("FREQ=MONTHLY;BYDAY=+53MO", start=start, timezone="UTC") is None
    )


def test_next_occurrence_beyond_last_year_ends_series():
    start = datetime(8998, 6, 1, 9, tzinfo=UTC)
    rule = "FREQ=YEARLY;INTERVAL=1000"

    following = next_occurrence(rule, start=start, timezone="UTC")

    assert following == datetime(9998, 6, 1, 9, tzinfo=UTC)
    assert next_occurrence(rule, start=start, after=following, timezone="UTC") is None
