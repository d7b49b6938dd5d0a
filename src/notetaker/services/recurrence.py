"""RFC 5545 recurrence rules on tasks, evaluated in the task's own timezone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


def validate_rule(rule: str) -> str:
    """Raise ValueError unless `rule` is an RRULE body such as FREQ=WEEKLY;BYDAY=MO."""
    body = rule.removeprefix("RRULE:")
    if "FREQ=" not in body.upper():
        raise ValueError("a recurrence rule needs FREQ, e.g. FREQ=WEEKLY;BYDAY=MO")
    try:
        rrulestr(f"RRULE:{body}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a valid RRULE: {exc}") from exc
    return body


def next_occurrence(rule: str, *, after: datetime, timezone: str) -> datetime | None:
    """The first occurrence after `after`, stepping in local wall-clock time so that
    "every day at 9" stays at 9 across daylight-saving changes."""
    zone = ZoneInfo(timezone)
    local = after.astimezone(zone).replace(tzinfo=None)
    following = rrulestr(f"RRULE:{rule}", dtstart=local).after(local)
    return None if following is None else following.replace(tzinfo=zone)
