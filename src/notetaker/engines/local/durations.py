"""Amounts of time: "in 3 hours", "2 weeks ago", "+1 day 2 hours", "in 1/2 h".

A duration counted from now becomes a piece: an exact moment when it has a unit
shorter than a day ("in 90 min" is elapsed time), otherwise a calendar day ("in 3
days" is a date, like "Friday"). A duration followed by "after"/"before", or a signed
one after a date ("next Tuesday +10 days"), shifts the date it is joined to.
"""

import re
from datetime import UTC, datetime, timedelta

from dateutil.relativedelta import relativedelta

from .days import Context
from .lexicon import CARDINAL_RE, to_number
from .pieces import Amount, Piece

_UNIT_WORDS = {
    "seconds": r'seconds?|secs?|s\b|"',
    "minutes": r"minutes?|mins?|m\b|'",
    "hours": r"hours?|hrs?|h\b",
    "days": r"days?|d\b",
    "weeks": r"weeks?|wks?|w\b",
    "fortnights": r"fortnights?",
    "months": r"months?|mon\b|mos?\b",
    "quarters": r"quarters?|qtrs?",
    "years": r"years?|yrs?|y\b",
}
_UNIT_RE = "|".join(f"(?P<{unit}>{words})" for unit, words in _UNIT_WORDS.items())
_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "half": 0.5, "quarter": 0.25}
_AMOUNT = (
    r"(?:\d+(?:\.\d+)?|1/2|1/4|3/4|a\s+pair\s+of|a\s+quarter\s+of\s+an?|"
    r"three[\s-]quarters?\s+of\s+an?|half\s+an?|an?\s+half|"
    rf"(?:{CARDINAL_RE})\b)(?:\s+and\s+an?\s+half)?"
)
_ANY_UNIT = "|".join(_UNIT_WORDS.values())
_TERM = rf"(?:{_AMOUNT})\s*(?:more\s+)?(?:{_ANY_UNIT})"
_LIST = rf"{_TERM}(?:\s*(?:,\s*)?(?:and\s+)?{_TERM})*"
_TERM_RE = re.compile(rf"(?P<n>{_AMOUNT})\s*(?:more\s+)?(?:{_UNIT_RE})", re.I)
_PAST_WORDS = ("ago", "earlier", "before", "back", "-")
# "in 1/2 h" is half an hour; a fraction with no "in" before it may be a date.
_SMALL_UNITS = ("seconds", "minutes", "hours")


def _amount(text: str) -> float | None:
    word = " ".join(text.lower().replace("-", " ").split())
    half = word.endswith(" and a half") or word.endswith(" and an half")
    if half:
        word = word.rsplit(" and ", 1)[0]
    for name, value in _FRACTIONS.items():
        if word.startswith(name) or word in (f"a {name} of a", f"a {name} of an"):
            return value
    if word.startswith("three quarter"):
        return 0.75
    if word in ("a half", "an half"):
        return 0.5
    number = 2 if word == "a pair of" else to_number(word)
    return None if number is None else number + (0.5 if half else 0)


def parse(text: str) -> Amount | None:
    """The amount of time a list of terms names ("1 hour, 5 minutes")."""
    calendar, clock = relativedelta(), timedelta()
    for term in _TERM_RE.finditer(text):
        amount = _amount(term["n"])
        unit = next(k for k, v in term.groupdict().items() if v and k != "n")
        if amount is None or amount > 10_000:
            return None
        if unit in _SMALL_UNITS:
            clock += timedelta(**{unit: amount})
        else:
            calendar += _delta(unit, amount)
    total = Amount(calendar, clock)
    return total if total else None


def _delta(unit: str, amount: float) -> relativedelta:
    """Calendar units; a fraction of a day or more is counted in smaller units."""
    if unit == "fortnights":
        unit, amount = "weeks", amount * 2
    if unit == "quarters":
        unit, amount = "months", amount * 3
    whole = int(amount)
    delta = relativedelta(**{unit: whole})
    part = amount - whole
    if not part:
        return delta
    smaller = {
        "hours": ("minutes", 60),
        "minutes": ("seconds", 60),
        "days": ("hours", 24),
    }
    if unit in smaller:
        name, factor = smaller[unit]
        return delta + relativedelta(**{name: round(part * factor)})
    if unit == "weeks":
        return delta + relativedelta(days=round(part * 7))
    return delta + relativedelta(days=round(part * 30)) if unit == "months" else delta


def moved(now: datetime, amount: Amount) -> datetime:
    """Now moved by an amount: days keep the wall clock, hours are elapsed time."""
    wall = now + amount.calendar
    return (wall.astimezone(UTC) + amount.clock).astimezone(now.tzinfo)


def _from_now(match: re.Match[str], ctx: Context) -> Piece | None:
    amount = parse(match["terms"])
    if amount is None:
        return None
    sign = (match["dir"] or match["sign"] or "").lower()
    if sign in _PAST_WORDS:
        amount = -amount
    value = moved(ctx.now, amount)
    if amount.clock:
        return Piece(match.start(), match.end(), moment=value)
    return Piece(match.start(), match.end(), value.date())


def _shift(match: re.Match[str], ctx: Context) -> Piece | None:
    amount = parse(match["terms"])
    if amount is None:
        return None
    if (match["dir"] or match["sign"] or "").lower() in ("before", "-"):
        amount = -amount
    return Piece(match.start(), match.end(), shift=amount)


RULES = [
    (
        re.compile(
            r"(?:\b(?:in|within|after|(?:in\s+)?(?:the\s+)?next|"
            r"(?:timer|alarm|reminder|wait|snooze)\s+for)\s+"
            r"(?:about\s+|around\s+|~\s*|the\s+next\s+)*"
            rf"|(?<![\w.])(?P<sign>[+-])\s*)(?P<terms>{_LIST})(?!\w)(?P<dir>)"
            rf"(?!\s+(?:after|before|from)\s+(?!now))",
            re.I,
        ),
        _from_now,
    ),
    (
        re.compile(
            rf"(?<![\w+-])(?P<terms>{_LIST})\s+(?:from\s+(?:right\s+)?(?:now|today)|"
            r"(?P<dir>later|hence|ago|earlier|back|out|from\s+now|"
            r"(?:before|after)(?=\s*$)))\b(?P<sign>)",
            re.I,
        ),
        _from_now,
    ),
    (
        re.compile(
            rf"(?<![\w+-])(?P<terms>{_LIST})\s+(?P<dir>after|before|from)\s+(?!now\b)"
            r"(?P<sign>)",
            re.I,
        ),
        _shift,
    ),
    (
        re.compile(
            rf"(?<=\w)\s+(?P<sign>[+-])\s*(?P<terms>{_LIST})(?!\w)(?P<dir>)", re.I
        ),
        _shift,
    ),
]
