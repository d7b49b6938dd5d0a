"""RFC 5545 recurrence rules on tasks, evaluated in the task's own timezone.

Only the subset a to-do list needs is accepted, and it is checked so that every
accepted rule can be evaluated quickly: dateutil searches year by year for an
occurrence, so a rule that can never occur ("every February 30th") or one that
steps by seconds would otherwise hold the server for seconds per completion.
"""

import calendar
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH"}
PARTS |= {"BYSETPOS", "WKST"}
MAX_STEP = 1000


def _parts(rule: str) -> dict[str, str]:
    body = rule.strip().removeprefix("RRULE:").upper()
    if not body or any(c in body for c in "\r\n:"):
        raise ValueError("a recurrence is one RRULE line, e.g. FREQ=WEEKLY;BYDAY=MO")
    parts: dict[str, str] = {}
    for item in body.split(";"):
        key, sep, value = item.partition("=")
        if not sep or not value or key in parts:
            raise ValueError(f"malformed recurrence part {item!r}")
        if key not in PARTS:
            raise ValueError(f"unsupported recurrence part {key}")
        parts[key] = value
    return parts


def _numbers(value: str | None, low: int, high: int, name: str) -> list[int]:
    if value is None:
        return []
    try:
        numbers = [int(v) for v in value.split(",")]
    except ValueError as exc:
        raise ValueError(f"{name} takes whole numbers") from exc
    if any(not low <= abs(n) <= high for n in numbers):
        raise ValueError(f"{name} must be between {low} and {high} (or negative)")
    return numbers


def _check_calendar(parts: dict[str, str]) -> None:
    months = _numbers(parts.get("BYMONTH"), 1, 12, "BYMONTH") or list(range(1, 13))
    days = _numbers(parts.get("BYMONTHDAY"), 1, 31, "BYMONTHDAY")
    longest = max(calendar.monthrange(2024, m)[1] for m in months if m > 0)
    if days and all(abs(d) > longest for d in days):
        raise ValueError("this recurrence never occurs: no such day in those months")
    _numbers(parts.get("BYSETPOS"), 1, 31, "BYSETPOS")


def validate_rule(rule: str) -> str:
    """The rule in canonical form, or ValueError saying what is wrong with it."""
    parts = _parts(rule)
    if parts.get("FREQ") not in FREQUENCIES:
        raise ValueError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    _numbers(parts.get("INTERVAL"), 1, MAX_STEP, "INTERVAL")
    _numbers(parts.get("COUNT"), 1, MAX_STEP, "COUNT")
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError("a recurrence takes COUNT or UNTIL, not both")
    if "UNTIL" in parts:
        parts["UNTIL"] = parts["UNTIL"].removesuffix("Z")  # read in the task's zone
    _check_calendar(parts)
    body = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        rrulestr(f"RRULE:{body}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a valid RRULE: {exc}") from exc
    return body


def next_occurrence(
    rule: str, *, start: datetime, timezone: str, after: datetime | None = None
) -> datetime | None:
    """The first occurrence of the series starting at `start` that comes after
    `after` (default: `start`), stepping in local wall-clock time so that "every day
    at 9" stays at 9 across daylight-saving changes."""
    zone = ZoneInfo(timezone)

    def local(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    series = rrulestr(f"RRULE:{rule}", dtstart=local(start))
    following = series.after(local(after or start))
    return None if following is None else following.replace(tzinfo=zone)


def following_rule(rule: str) -> str | None:
    """The rule the next occurrence carries: a COUNT counts down, and the last
    occurrence has no successor (None)."""
    parts = _parts(rule)
    if "COUNT" not in parts:
        return rule
    remaining = int(parts["COUNT"]) - 1
    if remaining < 1:
        return None
    parts["COUNT"] = str(remaining)
    return ";".join(f"{key}={value}" for key, value in parts.items())
