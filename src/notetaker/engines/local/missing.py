"""Days that do not exist ("Feb 30", "31st of April"): a date was meant, but the
calendar has none, so the user must be told rather than the date dropped."""

import calendar
import re
from dataclasses import dataclass

from .lexicon import MONTH_RE, ORDINAL_WORD_RE, month_number, to_number

_DAY = rf"(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})"
_YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{MONTH_RE})\.?,?\s+(?:the\s+)?{_DAY}\b(?![:.]\d){_YEAR}", re.I
)
_DAY_MONTH = re.compile(
    rf"\b(?:the\s+)?{_DAY}(?:\s+of)?\s+(?P<mon>{MONTH_RE})\b\.?{_YEAR}", re.I
)
_LONGEST = 31
# Only the 29th to the 31st can be missing from a month: a cheap test first.
_LATE_DAY = re.compile(r"29|30|31|ninth|thirtieth|thirty", re.I)


@dataclass(frozen=True, slots=True)
class MissingDate:
    start: int
    end: int
    reply: str  # says which day does not exist, and why


def missing_dates(text: str) -> list[MissingDate]:
    """The month-and-day dates in the text that no calendar has."""
    if not _LATE_DAY.search(text):
        return []
    found = [
        missing
        for pattern in (_MONTH_DAY, _DAY_MONTH)
        for match in pattern.finditer(text)
        if (missing := _missing(match))
    ]
    return sorted(found, key=lambda m: m.start)


def _missing(match: re.Match[str]) -> MissingDate | None:
    words = match["d"].lower()
    day = to_number(words[:-2] if words[0].isdigit() and words[-1].isalpha() else words)
    if not isinstance(day, int) or not 1 <= day <= _LONGEST:
        return None
    month = month_number(match["mon"])
    name = calendar.month_name[month]
    year = int(match["y"]) if match["y"] else None
    if month == 2 and day == 29:
        if year is None or calendar.isleap(year):
            return None
        reply = f"{name} 29, {year} doesn't exist: {year} is not a leap year."
        return MissingDate(match.start(), match.end(), reply)
    longest = calendar.monthrange(year or 2024, month)[1]  # 2024: Feb at its longest
    if day <= longest:
        return None
    reply = f"{name} {day} doesn't exist: {name} has {_days_in(month)} days."
    return MissingDate(match.start(), match.end(), reply)


def _days_in(month: int) -> str:
    return "28 or 29" if month == 2 else str(calendar.monthrange(2025, month)[1])
