"""Days and periods named inside a longer one: "the first Tuesday of October",
"the 20th of next month", "last day of May", "Q3", "upcoming 2 weeks"."""

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .days import Context, make_date, period_start, period_step
from .lexicon import (
    CARDINAL_RE,
    MONTH_RE,
    ORDINAL_WORD_RE,
    WEEKDAY_RE,
    month_number,
    to_number,
    weekday_number,
)
from .pieces import Piece

_NTH = rf"(?P<nth>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD_RE}|last)"
_COUNT = rf"(?P<n>\d{{1,3}}|{CARDINAL_RE})"
_GRAIN = r"(?P<grain>day|week|month|quarter|qtr|year|yr)s?"
_REL = r"(?P<rel>this|the|next|last|previous|current|coming|the\s+following)"
# "of October 2014", "in this month", "of next month", "of 2018"
_WITHIN = (
    rf"\s+(?:of|in)\s+(?:(?:the\s+)?(?:{_REL.replace('rel', 'rel2')})\s+month|"
    rf"(?P<mon>{MONTH_RE})\.?(?:,?\s+(?P<y>\d{{4}}))?|(?P<yo>\d{{4}}))\b"
)
_RELATIVE_STEP = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}


def _ordinal(word: str) -> int | None:
    if word.lower() == "last":
        return -1
    number = to_number(word)
    return number if isinstance(number, int) and 0 < number <= 53 else None


def _step(word: str | None) -> int:
    return _RELATIVE_STEP.get(word.lower().split()[-1], 0) if word else 0


def _container(match: re.Match[str], ctx: Context) -> tuple[date, str] | None:
    """The month or year a day is counted in, as (first day, grain)."""
    groups = match.groupdict()
    if groups.get("yo"):
        return make_date(int(groups["yo"]), 1, 1), "year"
    if groups.get("mon"):
        month = month_number(groups["mon"])
        year = int(groups["y"]) if groups.get("y") else None
        if year is None:
            year = ctx.today.year + (month < ctx.today.month)
        return make_date(year, month, 1), "month"
    first = ctx.today.replace(day=1)
    return first + relativedelta(months=_step(groups.get("rel2"))), "month"


def _nth_weekday(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "the first Monday of this month", "last friday in october"."""
    nth, within = _ordinal(match["nth"]), _container(match, ctx)
    if nth is None or within is None or nth > 5:
        return None
    first, grain = within
    weekday = weekday_number(match["wd"])
    end = first + period_step(grain)
    if nth > 0:
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = end - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - weekday) % 7)
    return Piece(match.start(), match.end(), day) if first <= day < end else None


def _nth_day(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "the 20th of next month", "third day of October", "5th last day of May"."""
    nth, within = _ordinal(match["nth"]), _container(match, ctx)
    if nth is None or within is None:
        return None
    first, grain = within
    end = first + period_step(grain)
    back = match.groupdict().get("back")
    if nth == -1 or back:
        day = end - timedelta(days=abs(nth) if back else 1)
    else:
        day = first + timedelta(days=nth - 1)
    return Piece(match.start(), match.end(), day) if first <= day < end else None


def _nth_week(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "first week of October 2014", "the 3rd last week of 2018" (weeks on Monday)."""
    nth, within = _ordinal(match["nth"]), _container(match, ctx)
    if nth is None or within is None:
        return None
    first, grain = within
    end = first + period_step(grain)
    # A period's first week is the first that starts in it, its last week the last
    # that ends in it (Duckling's reading too).
    if nth > 0 and not match["back"]:
        monday = first + timedelta(days=-first.weekday() % 7)
        day = monday + timedelta(weeks=nth - 1)
    else:
        last_monday = period_start(end - timedelta(days=7), "week")
        day = last_monday - timedelta(weeks=abs(nth) - 1)
    return Piece(
        match.start(), match.end(), day, grain="week", window_end=day + timedelta(7)
    )


def _quarter(match: re.Match[str], ctx: Context) -> Piece | None:
    groups = match.groupdict()
    number = _ordinal(groups.get("nth") or groups["nth2"])
    year = groups.get("y") or groups.get("y2")
    if year is None:
        year_value = ctx.today.year
    else:
        year_value = int(year) if len(year) == 4 else 2000 + int(year)
    if number is None or not 1 <= number <= 4:
        return None
    first = date(year_value, 3 * number - 2, 1)
    if year is None and first + relativedelta(months=3) <= ctx.today:
        first = first.replace(year=year_value + 1)  # a quarter already over: next
    return Piece(
        match.start(),
        match.end(),
        first,
        grain="quarter",
        window_end=first + relativedelta(months=3),
    )


def _upcoming(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "upcoming 2 weeks", "two upcoming months": the period that many ahead."""
    count = to_number(match["n"] or match["n2"])
    grain = {"qtr": "quarter", "yr": "year"}.get(
        match["grain"].lower(), match["grain"].lower()
    )
    if not isinstance(count, int) or count > 1000:
        return None
    if grain == "day":
        return Piece(match.start(), match.end(), ctx.today + timedelta(days=count))
    first = period_start(ctx.today, grain) + period_step(grain, count)
    return Piece(
        match.start(),
        match.end(),
        first,
        grain=grain,
        window_end=first + period_step(grain),
    )


def _weekdays_away(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "3 fridays from now", "2 thursdays ago"."""
    count = to_number(match["n"])
    if not isinstance(count, int) or not 0 < count < 100:
        return None
    weekday = weekday_number(match["wd"])
    if match["dir"].lower() in ("ago", "back"):
        last = ctx.today - timedelta(days=(ctx.today.weekday() - weekday - 1) % 7 + 1)
        return Piece(match.start(), match.end(), last - timedelta(weeks=count - 1))
    ahead = (weekday - ctx.today.weekday()) % 7 or 7
    day = ctx.today + timedelta(days=ahead) + timedelta(weeks=count - 1)
    return Piece(match.start(), match.end(), day)


def _year_month(match: re.Match[str], ctx: Context) -> Piece | None:
    first = make_date(int(match["y"]), int(match["m"]), 1)
    if first is None:
        return None
    return Piece(
        match.start(),
        match.end(),
        first,
        grain="month",
        window_end=first + relativedelta(months=1),
    )


_QUARTER_LEADS = ("in", "by", "of", "during", "before", "until", "after")
_QUARTER_NTH = r"(?P<nth>[1-4](?:st|nd|rd|th)|first|second|third|fourth)"
RULES = [
    (
        re.compile(rf"\b(?:the\s+)?{_NTH}\s+(?P<wd>{WEEKDAY_RE})\.?{_WITHIN}", re.I),
        _nth_weekday,
    ),
    (
        re.compile(rf"\b(?:the\s+)?{_NTH}(?P<back>\s+last)?\s+day{_WITHIN}", re.I),
        _nth_day,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<nth>\d{1,2}(?:st|nd|rd|th)?|"
            rf"{ORDINAL_WORD_RE})(?:\s+day)?\s+of\s+(?:the\s+)?"
            rf"(?P<rel2>this|next|last|previous|current|coming|following)\s+month\b"
            r"(?P<back>)",
            re.I,
        ),
        _nth_day,
    ),
    (
        re.compile(rf"\b(?:the\s+)?{_NTH}(?P<back>\s+last)?\s+week{_WITHIN}", re.I),
        _nth_week,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?{_QUARTER_NTH}\s+(?:quarter|qtr)\b"
            r"(?:\s+(?:of\s+)?(?P<y>\d{4})\b)?",
            re.I,
        ),
        _quarter,
    ),
    (
        re.compile(
            # A bare "Q3" is a date only with a year or after a preposition of
            # time: in "the Q3 numbers" it names a report, not a deadline.
            r"\b(?:(?P<y>\d{4}|\d{2})\s*q(?P<nth>[1-4])"
            r"|q(?P<nth2>[1-4])(?:\s+(?P<y2>\d{4})"
            + "".join(rf"|(?<=\b{word}\sq[1-4])" for word in _QUARTER_LEADS)
            + r"))\b",
            re.I,
        ),
        _quarter,
    ),
    (
        re.compile(
            rf"\b(?:upcoming\s+{_COUNT}|(?P<n2>\d{{1,3}}|{CARDINAL_RE})\s+upcoming)"
            rf"\s+{_GRAIN}\b",
            re.I,
        ),
        _upcoming,
    ),
    (
        re.compile(
            rf"\b{_COUNT}\s+(?P<wd>{WEEKDAY_RE})s?\s+"
            r"(?P<dir>from\s+(?:now|today)|ago|back)\b",
            re.I,
        ),
        _weekdays_away,
    ),
    (
        re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/](?P<m>0?[1-9]|1[0-2])\b(?![-/.]\d)"),
        _year_month,
    ),
]
