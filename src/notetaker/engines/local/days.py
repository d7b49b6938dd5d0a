"""Calendar days and periods: "tomorrow", "next Friday", "3/4", "in 2 weeks"."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from ..base import DateOrder
from .lexicon import (
    MONTH_RE,
    ORDINAL_WORD_RE,
    WEEKDAY_RE,
    month_number,
    to_number,
    weekday_number,
)
from .pieces import Clock, Piece


@dataclass(frozen=True, slots=True)
class Context:
    now: datetime
    order: DateOrder

    @property
    def today(self) -> date:
        return self.now.date()


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Piece | None]]

_YEAR = r"(?P<y>\d{4}|'\d{2}|\d{2}(?!\d|:|\s*(?:am|pm|[ap]\.m)))"
_DAY_NUM = rf"(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})"
# "the 5th floor" counts floors; these words after an ordinal mean it is no date.
_NOT_A_DAY = (
    r"(?!\s+(?:floor|time|place|grade|century|anniversary|birthday|edition|row|"
    r"street|avenue|item|one|person|version|attempt|round|step|chapter|page)\b)"
)
_PERIOD_GRAINS = ("week", "month", "year", "quarter", "weekend")


def make_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the numbers name no real day ("2/30")."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _year(text: str | None, today: date) -> int | None:
    if not text:
        return None
    digits = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 4:
        return digits
    # Two-digit years: within 50 years ahead belongs to this century.
    century = today.year // 100 * 100
    return (
        century + digits if digits <= today.year % 100 + 50 else century - 100 + digits
    )


def upcoming(month: int, day: int, today: date) -> date | None:
    """The next month/day on or after today; February 29th may be years away
    (eight at most, across a century that skips its leap year)."""
    for year in range(today.year, today.year + 9):
        candidate = make_date(year, month, day)
        if candidate and candidate >= today:
            return candidate
    return None


def period_start(day: date, grain: str) -> date:
    if grain in ("week", "weekend"):
        monday = day - timedelta(days=day.weekday())
        return monday + timedelta(days=5) if grain == "weekend" else monday
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def period_step(grain: str, count: int = 1) -> relativedelta:
    unit = {"week": "weeks", "weekend": "weeks", "month": "months", "year": "years"}
    if grain == "quarter":
        return relativedelta(months=3 * count)
    return relativedelta(**{unit[grain]: count})


def _period(start: int, end: int, first: date, grain: str) -> Piece:
    length = relativedelta(days=2) if grain == "weekend" else period_step(grain)
    piece_grain = "day" if grain == "weekend" else grain
    return Piece(start, end, day=first, grain=piece_grain, window_end=first + length)


def _named_day(match: re.Match[str], ctx: Context) -> Piece | None:
    word = " ".join(match[0].lower().split())
    offsets = {"today": 0, "tonight": 0, "tonite": 0, "yesterday": -1}
    offset = offsets.get(word, 2 if "after" in word else -2 if "before" in word else 1)
    part = "tonight" if word in ("tonight", "tonite") else None
    return Piece(match.start(), match.end(), ctx.today + timedelta(offset), part=part)


def next_weekday(today: date, weekday: int, *, include_today: bool) -> date:
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or (0 if include_today else 7))


def _weekday(match: re.Match[str], ctx: Context) -> Piece | None:
    """A weekday, resolved forwards.

    - "Tuesday" alone is the next Tuesday after today (a week ahead when today is
      Tuesday): people name today as "today".
    - "this Tuesday" is the coming Tuesday, today included.
    - "next Tuesday" is the Tuesday of next calendar week (weeks start on Monday), so
      on a Monday "next Wednesday" is nine days ahead, not two. Duckling and chrono
      read it the same way.
    - "last Tuesday" is the most recent Tuesday before today.
    """
    weekday = weekday_number(match["wd"])
    which = (match["which"] or "").lower()
    week = (match["week"] or match["wk"] or "").lower()
    week += " week" if match["wk"] else ""
    if "week" in week:
        return _weekday_of_week(match, ctx, weekday, week)
    if which == "next":
        day = period_start(ctx.today, "week") + timedelta(days=7 + weekday)
    elif which in ("last", "previous", "past") or "last" in week:
        day = ctx.today - timedelta(days=(ctx.today.weekday() - weekday - 1) % 7 + 1)
    elif week or which in ("this", "coming", "upcoming"):
        day = next_weekday(ctx.today, weekday, include_today=True)
    else:
        day = next_weekday(ctx.today, weekday, include_today=False)
    if match["after"]:
        day += timedelta(days=7)
    solo = not (which or week or match["after"])
    return Piece(match.start(), match.end(), day, weekday_only=solo)


def _weekday_of_week(
    match: re.Match[str], ctx: Context, weekday: int, week: str
) -> Piece:
    """ "Sunday of last week", "next week's Monday": that day inside the named week."""
    step = -1 if "last" in week else 1 if ("next" in week or "following" in week) else 0
    day = period_start(ctx.today, "week") + timedelta(days=7 * step + weekday)
    return Piece(match.start(), match.end(), day)


def _relative_period(match: re.Match[str], ctx: Context) -> Piece | None:
    which, grain = match["which"].lower().split()[-1], match["grain"].lower()
    grain = {"qtr": "quarter", "yr": "year"}.get(grain, grain)
    step = {"last": -1, "previous": -1, "past": -1}.get(which, 0)
    step = 1 if which in ("next", "coming", "upcoming", "following") else step
    if grain == "weekend" and step == 0:
        return _period(match.start(), match.end(), _this_weekend(ctx.today), grain)
    first = period_start(ctx.today, grain) + period_step(grain, step)
    return _period(match.start(), match.end(), first, grain)


def _this_weekend(today: date) -> date:
    saturday = period_start(today, "weekend")
    return saturday + timedelta(days=7) if today > saturday + timedelta(1) else saturday


def _end_of(match: re.Match[str], ctx: Context) -> Piece | None:
    """The last day of a period; "end of the week" is its Friday, the working week."""
    grain = match["grain"].lower()
    if grain == "day":
        return Piece(match.start(), match.end(), ctx.today)
    first = period_start(ctx.today, grain)
    if match["next"]:
        first += period_step(grain)
    if match["edge"].lower() in ("beginning", "start"):
        return Piece(match.start(), match.end(), first)
    last = (
        first + timedelta(days=4)
        if grain == "week"
        else (first + period_step(grain) - timedelta(days=1))
    )
    return Piece(match.start(), match.end(), last)


def _abbreviated_end(match: re.Match[str], ctx: Context) -> Piece | None:
    grain = {"d": "day", "w": "week", "m": "month", "y": "year"}[match[0][-1].lower()]
    if grain == "day":
        return Piece(match.start(), match.end(), ctx.today)
    first = period_start(ctx.today, grain)
    last = (
        first + timedelta(days=4)
        if grain == "week"
        else (first + period_step(grain) - timedelta(days=1))
    )
    return Piece(match.start(), match.end(), last)


def _month_day(match: re.Match[str], ctx: Context) -> Piece | None:
    month = month_number(match["mon"])
    day = to_number(match["d"])
    if not isinstance(day, int):
        return None
    year = _year(match["y"], ctx.today)
    found = make_date(year, month, day) if year else upcoming(month, day, ctx.today)
    if found is None:
        return None
    return Piece(
        match.start(), match.end(), found, floating="year" if not year else None
    )


def fit_weekday(day: date, floating: str, weekday: int, today: date) -> date:
    """A day whose year or month was left open, moved to agree with its weekday.

    "Fri, Jul 18": this year's or next year's Jul 18, whichever is a Friday, or one
    in the past week. "Thu 15th": the next 15th that is a Thursday, within a year.
    A weekday that fits none of these is taken for a slip and the day is kept.
    """
    steps = (-1, 0, 1) if floating == "year" else range(-1, 12)
    unit = "years" if floating == "year" else "months"
    for step in steps:
        moved = day + relativedelta(**{unit: step})
        candidate = make_date(moved.year, moved.month, day.day)
        recent = candidate and candidate >= today - timedelta(days=7)
        if recent and candidate.weekday() == weekday:
            return candidate
    return day


def _month_only(match: re.Match[str], ctx: Context) -> Piece | None:
    month = month_number(match["mon"])
    year = _year(match["y"], ctx.today)
    if year is None:
        year = ctx.today.year + (month < ctx.today.month)
    first = make_date(year, month, 1)
    if first is None:
        return None
    return _period(match.start("mon"), match.end(), first, "month")


def _numeric(match: re.Match[str], ctx: Context) -> Piece | None:
    a, b = int(match["a"]), int(match["b"])
    month, day = (a, b) if ctx.order == DateOrder.MDY else (b, a)
    if month > 12 and day <= 12:
        month, day = day, month  # "15/2" can only be day first, whatever the habit
    year = _year(match["y"], ctx.today)
    found = make_date(year, month, day) if year else upcoming(month, day, ctx.today)
    return Piece(match.start(), match.end(), found) if found else None


def _iso(match: re.Match[str], ctx: Context) -> Piece | None:
    month, day = int(match["a"]), int(match["b"])
    if month > 12:
        month, day = day, month  # "2024/13/1" can only be year/day/month
    found = make_date(int(match["y"]), month, day)
    return Piece(match.start(), match.end(), found) if found else None


def _iso_moment(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "2015-07-31T12:00:00": a date and a 24-hour time in the user's zone."""
    day = _iso(match, ctx)
    if day is None:
        return None
    grain = "second" if match["s"] else "minute"
    clock = Clock(int(match["h"]), int(match["m"]), int(match["s"] or 0), grain, "24")
    return replace(day, clock=clock)


def _month_year(match: re.Match[str], ctx: Context) -> Piece | None:
    month, year = int(match["m"]), int(match["y"])
    first = make_date(year, month, 1) if 1 <= month <= 12 else None
    return _period(match.start(), match.end(), first, "month") if first else None


def _ordinal_day(match: re.Match[str], ctx: Context) -> Piece | None:
    day = to_number(match["d"])
    if not isinstance(day, int) or not 1 <= day <= 31:
        return None
    start = ctx.today.replace(day=1)
    if match["which"]:
        start += relativedelta(months=1 if match["which"].lower() == "next" else 0)
    elif day < ctx.today.day:
        start += relativedelta(months=1)
    for months_ahead in range(3):  # "the 31st" skips months without one
        month = start + relativedelta(months=months_ahead)
        found = make_date(month.year, month.month, day)
        if found:
            floating = "month" if not match["which"] else None
            return Piece(match.start(), match.end(), found, floating=floating)
    return None


def _day_range(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "July 13-15", "from 13th to 15th July": days of one month, as an interval."""
    month = month_number(match["mon"])
    first, last = to_number(match["d"]), to_number(match["d2"])
    if not (isinstance(first, int) and isinstance(last, int)) or first >= last:
        return None
    year = _year(match["y"], ctx.today)
    start = make_date(year, month, first) if year else upcoming(month, first, ctx.today)
    end = start and make_date(start.year, month, last)
    if not end:
        return None
    return Piece(match.start(), match.end(), start, last_day=end)


def _weekday_ordinal(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "Thu 15th": the next 15th that falls on a Thursday."""
    day = to_number(match["d"])
    start = ctx.today.replace(day=1)
    found = make_date(start.year, start.month, day) if isinstance(day, int) else None
    if found is None:
        return None
    weekday = weekday_number(match["wd"])
    found = fit_weekday(found, "month", weekday, ctx.today + timedelta(days=7))
    return Piece(match.start(), match.end(), found)


def _year_after(match: re.Match[str], ctx: Context) -> Piece | None:
    return Piece(match.start(), match.end(), year=int(match["y"]))


def _year_only(match: re.Match[str], ctx: Context) -> Piece | None:
    first = make_date(int(match["y"]), 1, 1)
    return _period(match.start("y"), match.end(), first, "year") if first else None


def _now(match: re.Match[str], ctx: Context) -> Piece | None:
    return Piece(match.start(), match.end(), moment=ctx.now)


_WHICH = r"(?:(?P<which>this|next|last|previous|past|coming|upcoming)\s+)"
_TO = r"\s*(?:-|–|to|thru|through|till|until)\s*(?:the\s+)?"
_DAY2 = rf"(?P<d2>\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})"
RULES: list[Rule] = [
    (
        re.compile(
            rf"\b(?P<mon>{MONTH_RE})\.?\s+(?:the\s+)?{_DAY_NUM}{_TO}{_DAY2}\b"
            rf"(?![:.]\d|\s*(?:am|pm|[ap]\.m))(?:,?\s+(?P<y>\d{{4}})\b)?",
            re.I,
        ),
        _day_range,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?{_DAY_NUM}{_TO}{_DAY2}\s+(?:of\s+)?(?P<mon>{MONTH_RE})\b"
            r"\.?(?:,?\s+(?P<y>\d{4})\b)?",
            re.I,
        ),
        _day_range,
    ),
    (
        re.compile(
            r"\b(?:(?<!\d\s)(?:the\s+)?day\s+(?:after|before)\s+)?(?:tomorrow|tmrw|tmr|"
            r"tomorow|tommorow|yesterday)s?\b|\b(?:today|tonight|tonite)\b",
            re.I,
        ),
        _named_day,
    ),
    (
        re.compile(
            rf"\b(?:(?P<wk>next|last|this)\s+week'?s\s+)?{_WHICH}?"
            rf"(?P<wd>{WEEKDAY_RE})\b\.?(?P<after>\s+after\s+next)?"
            r"(?:,?\s+(?:of\s+|in\s+|from\s+)?(?P<week>(?:the\s+)?(?:next|last|this)"
            r"\s+week|the\s+following\s+week))?",
            re.I,
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?P<which>this|next|last|previous|current|coming|upcoming|past|"
            r"the\s+following)\s+(?P<grain>week|month|year|quarter|weekend|qtr|yr)\b",
            re.I,
        ),
        _relative_period,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<edge>end|beginning|start)\s+of\s+"
            r"(?:the\s+|this\s+|(?P<next>next)\s+)?(?P<grain>day|week|month|year)\b",
            re.I,
        ),
        _end_of,
    ),
    (re.compile(r"\beo[dwmy]\b", re.I), _abbreviated_end),
    (
        re.compile(
            rf"\b(?P<mon>{MONTH_RE})\.?,?\s+(?:the\s+)?{_DAY_NUM}\b(?![:.]\d)"
            rf"(?:,?\s+{_YEAR}\b)?",
            re.I,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?{_DAY_NUM}(?:\s*of\s+|\s*|[-/])(?P<mon>{MONTH_RE})\b\.?"
            rf"(?:,?[-/\s]+{_YEAR}\b)?",
            re.I,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:in|during|by|until|till|before|after|since|of|for|next|this|"
            rf"last|early|late|mid)\s+(?P<mon>{MONTH_RE})\b(?:,?\s+(?P<y>\d{{4}})\b)?"
            r"(?!\s*\d)",
            re.I,
        ),
        _month_only,
    ),
    (re.compile(rf"\b(?P<mon>{MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b", re.I), _month_only),
    (
        re.compile(
            rf"\b(?P<wd>{WEEKDAY_RE})\.?,?\s+(?:the\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th))\b",
            re.I,
        ),
        _weekday_ordinal,
    ),
    # "Thu Oct 26 11:00:09 2023": a year written after the time of day.
    (re.compile(r"(?<=\d)\s+(?P<y>(?:19|20)\d{2})\b(?![:/.-]?\d)"), _year_after),
    (re.compile(r"\b(?P<y>\d{4})([-/.])(?P<a>\d{1,2})\2(?P<b>\d{1,2})\b"), _iso),
    (
        re.compile(
            r"\b(?P<y>\d{4})-(?P<a>\d{2})-(?P<b>\d{2})[T ](?P<h>[01]\d|2[0-3]):"
            r"(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?Z?\b"
        ),
        _iso_moment,
    ),
    (
        re.compile(r"(?<![\w$€£.,/:-])(?P<a>\d{1,2}) (?P<b>\d{1,2}) (?P<y>\d{4})\b"),
        _numeric,
    ),
    (
        re.compile(
            rf"\b(?P<y>\d{{4}})[-/\s]+(?P<mon>{MONTH_RE})\.?[-/\s]+{_DAY_NUM}\b", re.I
        ),
        _month_day,
    ),
    (
        re.compile(
            r"(?<![\w$€£.,/:-])(?P<a>\d{1,2})\s?(?P<sep>[/-])\s?(?P<b>\d{1,2})"
            r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/]|[.,:-]?\d|\s*(?:am|pm|[ap]\.m"
            r"|hours?|h\b|of\b|cups?|tsp|tbsp|mi|km|days?|weeks?))",
            re.I,
        ),
        _numeric,
    ),
    (
        re.compile(
            r"(?<![\w$€£,/:-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4}|\d{2})"
            r"(?![\w.]|[.,]\d)"
        ),
        _numeric,
    ),
    (re.compile(r"(?<![\w$€£.,/:-])(?P<m>\d{1,2})/(?P<y>\d{4})\b"), _month_year),
    (
        re.compile(
            rf"\b(?:on\s+(?:the\s+)?|the\s+){_DAY_NUM}\b(?!\s?[/.:-]\s?\d){_NOT_A_DAY}"
            r"(?:\s+of\s+(?:the\s+)?(?:(?P<which>this|next)\s+)?month)?",
            re.I,
        ),
        _ordinal_day,
    ),
    (
        re.compile(
            r"\b(?:in|during|of)\s+(?P<y>(?:19|20|21)\d{2})\b(?!\s*[:/-]?\d)", re.I
        ),
        _year_only,
    ),
    (
        re.compile(r"\b(?:right\s+now|now|atm|immediately|at\s+the\s+moment)\b", re.I),
        _now,
    ),
]
