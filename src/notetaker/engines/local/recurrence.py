"""Repeating schedules ("every Monday", "weekdays at 8") as RFC 5545 RRULE bodies."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time

from dateutil.rrule import rrulestr

from .dates import at
from .days import make_date
from .lexicon import (
    CARDINAL_RE,
    MONTH_RE,
    ORDINAL_WORD_RE,
    RRULE_DAYS,
    RRULE_FREQS,
    WEEKDAY_RE,
    month_number,
    to_number,
    weekday_number,
)


@dataclass(frozen=True, slots=True)
class Recurrence:
    start: int
    end: int
    rule: str  # RRULE body, e.g. "FREQ=WEEKLY;BYDAY=MO"
    part: str | None = None  # "every morning" carries a time of day


_WD = rf"(?:{WEEKDAY_RE})s?\.?"
_WD_LIST = rf"{_WD}(?:\s*(?:,|and|&|or)\s*{_WD})*"
_NTH = rf"(?:\d(?:st|nd|rd|th)|last|{ORDINAL_WORD_RE})"
_NTH_LIST = rf"{_NTH}(?:\s*(?:,|and|&)\s*{_NTH})*"
_DAY_OF_MONTH = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|last|{ORDINAL_WORD_RE})"
_CALENDAR_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})"
# "March 3", "3rd of March", "the 1st of January".
_MONTH_DAY = (
    rf"(?:the\s+)?(?:(?P<m>{MONTH_RE})\.?\s+(?P<d>{_CALENDAR_DAY})|"
    rf"(?P<d2>{_CALENDAR_DAY})\s+(?:of\s+)?(?P<m2>{MONTH_RE})\b\.?)"
)
_INTERVAL = re.compile(r";INTERVAL=\d+")
_ADVERBS = {
    "daily": "FREQ=DAILY",
    "nightly": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
}
# "Create monthly report": an adverb before a noun names the thing, not a schedule.
_ADVERB_ENDS = (
    r"(?=\s*(?:$|[,.;!?)]|at\b|on\b|from\b|starting\b|until\b|till\b|in\s+the\b|"
    r"before\b|after\b|#|p[1-4]\b|by\b|for\s+the\b))"
)


def _days(text: str) -> list[str]:
    words = re.findall(WEEKDAY_RE, text, re.I)
    return list(dict.fromkeys(RRULE_DAYS[weekday_number(w)] for w in words))


def _nth(word: str) -> int | None:
    if word.lower() == "last":
        return -1
    number = to_number(word)
    return number if isinstance(number, int) and 1 <= number <= 31 else None


def _except(match: re.Match[str]) -> str | None:
    skipped = set(_days(match["days"]))
    base = RRULE_DAYS[:5] if match["base"].lower().startswith("week") else RRULE_DAYS
    kept = [day for day in base if day not in skipped]
    return f"FREQ=WEEKLY;BYDAY={','.join(kept)}" if kept else None


def _nth_weekday(match: re.Match[str]) -> str | None:
    nths = [_nth(w) for w in re.split(r"\s*(?:,|and|&)\s*", match["nths"])]
    days = _days(match["days"])
    if not days or any(n is None or n > 5 for n in nths):
        return None
    return "FREQ=MONTHLY;BYDAY=" + ",".join(f"{n}{d}" for n in nths for d in days)


def _month_day(match: re.Match[str]) -> str | None:
    day = _nth(match["d"])
    return f"FREQ=MONTHLY;BYMONTHDAY={day}" if day else None


def _weekdays(match: re.Match[str]) -> str | None:
    return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


def _weekends(match: re.Match[str]) -> str | None:
    return "FREQ=WEEKLY;BYDAY=SA,SU"


def _weekly(match: re.Match[str]) -> str | None:
    days = match["days"] or match["days2"]
    interval = ";INTERVAL=2" if match["other"] else ""
    return f"FREQ=WEEKLY{interval};BYDAY={','.join(_days(days))}"


def _yearly(match: re.Match[str]) -> str | None:
    month = month_number(match["m"] or match["m2"])
    day = _nth(match["d"] or match["d2"])
    # A leap year, so that "every February 29" stays a real day.
    if day is None or day < 1 or make_date(2024, month, day) is None:
        return None
    return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"


def _weeks_on(match: re.Match[str]) -> str | None:
    rule = _every_unit(match)
    return f"{rule};BYDAY={','.join(_days(match['days']))}" if rule else None


def _every_unit(match: re.Match[str]) -> str | None:
    count = 2 if match["n"] and match["n"].lower() == "other" else 1
    if match["n"] and count == 1:
        number = to_number(match["n"])
        count = number if isinstance(number, int) and 0 < number < 1000 else 0
    if not count:
        return None
    interval = f";INTERVAL={count}" if count > 1 else ""
    return f"FREQ={RRULE_FREQS[match['unit'].lower()]}{interval}"


def _adverb(match: re.Match[str]) -> str | None:
    return _ADVERBS[match[1].lower()]


def _daily_part(match: re.Match[str]) -> str | None:
    return "FREQ=DAILY"


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (
        re.compile(
            rf"\b(?:every|each)\s+(?P<base>day|week\s*day)\s+(?:except|but)\s+"
            rf"(?:on\s+)?(?P<days>{_WD_LIST})",
            re.I,
        ),
        _except,
    ),
    (
        re.compile(
            rf"\b(?:(?:every|each|on)\s+(?:the\s+)?)(?P<nths>{_NTH_LIST})\s+"
            rf"(?P<days>{_WD_LIST})(?:\s+(?:of|in)\s+(?:the|each|every)\s+month)?",
            re.I,
        ),
        _nth_weekday,
    ),
    (
        re.compile(
            rf"\b(?:on\s+)?the\s+(?P<nths>{_NTH_LIST})\s+(?P<days>{_WD_LIST})\s+"
            r"(?:of|in)\s+(?:each|every)\s+month",
            re.I,
        ),
        _nth_weekday,
    ),
    (
        re.compile(
            rf"\b(?:(?:on\s+)?the|every|each)\s+(?P<d>{_DAY_OF_MONTH})(?:\s+day)?\s+"
            r"of\s+(?:each|every|the)\s+month\b",
            re.I,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:every|each)\s+month\s+on\s+the\s+(?P<d>{_DAY_OF_MONTH})\b", re.I
        ),
        _month_day,
    ),
    (
        re.compile(
            r"\b(?:(?:every|each|on)\s+)?(?:week\s*days|work(?:ing)?\s*days)\b|"
            r"\b(?:every|each)\s+weekday\b|\bmonday\s+(?:to|through|thru|-)\s+friday\b",
            re.I,
        ),
        _weekdays,
    ),
    (
        re.compile(
            r"\b(?:(?:every|each|on)\s+)?weekends\b|\b(?:every|each)\s+weekend\b", re.I
        ),
        _weekends,
    ),
    (
        re.compile(
            rf"\b(?:(?:every|each)\s+(?:year\s+)?|(?:annually|yearly)\s+)(?:on\s+)?"
            rf"{_MONTH_DAY}",
            re.I,
        ),
        _yearly,
    ),
    (
        re.compile(
            rf"\b(?:on\s+)?{_MONTH_DAY}\s+(?:(?:every|each)\s+year|annually|yearly)\b",
            re.I,
        ),
        _yearly,
    ),
    (
        re.compile(
            rf"\b(?:every|each)\s+(?P<n>other|\d+|{CARDINAL_RE})?\s*(?P<unit>week)s?"
            rf"\s+on\s+(?P<days>{_WD_LIST})",
            re.I,
        ),
        _weeks_on,
    ),
    (
        re.compile(
            rf"\b(?:(?:every|each)\s+(?P<other>other\s+)?(?P<days>{_WD_LIST})|"
            rf"on\s+(?P<days2>(?:{WEEKDAY_RE})s(?:\s*(?:,|and|&)\s*(?:{WEEKDAY_RE})s)*))\b",
            re.I,
        ),
        _weekly,
    ),
    (
        re.compile(
            rf"\b(?:every|each)\s+(?P<n>other|\d+|{CARDINAL_RE})?\s*"
            r"(?P<unit>day|week|month|year)s?\b",
            re.I,
        ),
        _every_unit,
    ),
    (re.compile(rf"\b({'|'.join(_ADVERBS)}){_ADVERB_ENDS}", re.I), _adverb),
    (
        re.compile(
            r"\b(?:every|each)\s+(?P<part>morning|afternoon|evening|night)\b", re.I
        ),
        _daily_part,
    ),
]


def find_recurrence(text: str) -> Recurrence | None:
    """The first repeating schedule the text states, if any."""
    for pattern, handler in _RULES:
        for match in pattern.finditer(text):
            rule = handler(match)
            if rule:
                part = match.groupdict().get("part")
                return Recurrence(
                    match.start(), match.end(), rule, part and part.lower()
                )
    return None


def first_occurrence(rule: str, now: datetime, wall: time | None) -> datetime | None:
    """The first time the rule fires at or after now (all-day: from today on)."""
    zone = now.tzinfo
    local_now = now.replace(tzinfo=None)
    start = datetime.combine(local_now.date(), wall or time())
    # "every other Tuesday" said on a Friday means the coming Tuesday, whereas
    # RRULE counts intervals from DTSTART's week and would skip a week.
    first_rule = _INTERVAL.sub("", rule)
    try:
        found = rrulestr(first_rule, dtstart=start).after(
            local_now if wall else start, inc=True
        )
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    return at(found.date(), found.time(), zone)
