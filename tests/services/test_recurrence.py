from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from notetaker.services.recurrence import following_rule, next_occurrence, validate_rule


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
