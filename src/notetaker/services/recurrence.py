"""RFC 5545 recurrence rules on tasks, evaluated in the task's own timezone.

Only the subset a to-do list needs is accepted. dateutil parses a rule, but the
next occurrence is found by a scan of our own, month by month over a bounded
horizon: dateutil looks period by period up to the year 9999 for a rule that
never matches, which takes seconds ("every 7 days, on Mondays" from a Tuesday)
and blocks the event loop. A rule with no occurrence within the horizon ends the
series; creating one that has none from its due date is refused.
"""

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH"}
PARTS |= {"BYSETPOS", "WKST"}
MAX_STEP = 1000
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# How far ahead of a completion the next occurrence is looked for. It covers every
# leap day (8 years apart around 2100); what lies beyond it ends the series.
HORIZON_YEARS = 10
# Bounds the work of one search, also for a COUNT counted from a start long ago.
MAX_MONTHS_SCANNED = 12 * 2 * HORIZON_YEARS
# The most days one period holds: how far BYSETPOS reaches, and how a rule's step
# is measured (one stepping further than the horizon is searched over two steps).
PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
_BYDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


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


def _numbers(
    value: str | None, low: int, high: int, name: str, *, signed: bool = True
) -> list[int]:
    if value is None:
        return []
    try:
        numbers = [int(v) for v in value.split(",")]
    except ValueError as exc:
        raise ValueError(f"{name} takes whole numbers") from exc
    if any(not low <= (abs(n) if signed else n) <= high for n in numbers):
        negative = " (or negative)" if signed else ""
        raise ValueError(f"{name} must be between {low} and {high}{negative}")
    return numbers


def _weekdays(value: str | None) -> list[tuple[int | None, int]]:
    """BYDAY as (ordinal or None, weekday) pairs, Monday being 0."""
    days = []
    for item in value.split(",") if value else []:
        found = _BYDAY.fullmatch(item)
        if found is None:
            raise ValueError(f"BYDAY takes days such as MO, 1MO or -1FR, not {item!r}")
        ordinal = int(found[1]) if found[1] else None
        days.append((ordinal, WEEKDAYS.index(found[2])))
    return days


def _check_weekdays(parts: dict[str, str]) -> None:
    days = _weekdays(parts.get("BYDAY"))
    ordinals = [n for n, _ in days if n is not None]
    if not ordinals:
        return
    freq = parts["FREQ"]
    if freq not in ("MONTHLY", "YEARLY"):
        raise ValueError("a numbered BYDAY such as 1MO needs FREQ=MONTHLY or YEARLY")
    if len(ordinals) != len(days):
        raise ValueError("BYDAY days are either all numbered (1MO) or none (MO)")
    # Counted within a month, or within the year when a yearly rule names no month.
    within_year = freq == "YEARLY" and "BYMONTH" not in parts
    limit = 53 if within_year else 5
    if any(not 1 <= abs(n) <= limit for n in ordinals):
        raise ValueError(f"a numbered BYDAY with FREQ={freq} runs from 1 to {limit}")


def _check_calendar(parts: dict[str, str]) -> None:
    months = _numbers(parts.get("BYMONTH"), 1, 12, "BYMONTH", signed=False)
    days = _numbers(parts.get("BYMONTHDAY"), 1, 31, "BYMONTHDAY")
    longest = max(calendar.monthrange(2024, m)[1] for m in months or range(1, 13))
    if days and all(abs(d) > longest for d in days):
        raise ValueError("this recurrence never occurs: no such day in those months")
    _check_weekdays(parts)
    size = PERIOD_DAYS[parts["FREQ"]]
    _numbers(parts.get("BYSETPOS"), 1, size, f"BYSETPOS with FREQ={parts['FREQ']}")


def _until(value: str) -> datetime:
    for layout in ("%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            continue
    raise ValueError("UNTIL is a date (20270131) or a time (20270131T090000)")


def validate_rule(rule: str) -> str:
    """The rule in canonical form, or ValueError saying what is wrong with it."""
    parts = _parts(rule)
    if parts.get("FREQ") not in FREQUENCIES:
        raise ValueError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    _numbers(parts.get("INTERVAL"), 1, MAX_STEP, "INTERVAL", signed=False)
    _numbers(parts.get("COUNT"), 1, MAX_STEP, "COUNT", signed=False)
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError("a recurrence takes COUNT or UNTIL, not both")
    if "UNTIL" in parts:
        parts["UNTIL"] = parts["UNTIL"].removesuffix("Z")  # read in the task's zone
        _until(parts["UNTIL"])
    if parts.get("WKST", "MO") not in WEEKDAYS:
        raise ValueError("WKST is a day: MO, TU, WE, TH, FR, SA or SU")
    _check_calendar(parts)
    body = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        rrulestr(f"RRULE:{body}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a valid RRULE: {exc}") from exc
    return body


@dataclass(frozen=True, slots=True)
class _Series:
    """A validated rule bound to its first date, with dateutil's defaults filled in:
    a rule naming no day repeats on the start's weekday, day of month or date."""

    freq: str
    interval: int
    start: datetime
    months: frozenset[int]
    monthdays: tuple[int, ...]
    weekdays: frozenset[int]
    numbered: tuple[tuple[int, int], ...]
    setpos: tuple[int, ...]
    wkst: int
    count: int | None
    until: datetime | None

    @classmethod
    def of(cls, rule: str, start: datetime) -> "_Series":
        parts = _parts(validate_rule(rule))
        freq = parts["FREQ"]
        days = _weekdays(parts.get("BYDAY"))
        months = _numbers(parts.get("BYMONTH"), 1, 12, "BYMONTH", signed=False)
        monthdays = _numbers(parts.get("BYMONTHDAY"), 1, 31, "BYMONTHDAY")
        if not days and not monthdays:
            if freq == "WEEKLY":
                days = [(None, start.weekday())]
            elif freq in ("MONTHLY", "YEARLY"):
                monthdays = [start.day]
            if freq == "YEARLY" and not months:
                months = [start.month]
        return cls(
            freq=freq,
            interval=int(parts.get("INTERVAL", 1)),
            start=start,
            months=frozenset(months),
            monthdays=tuple(monthdays),
            weekdays=frozenset(d for n, d in days if n is None),
            numbered=tuple((n, d) for n, d in days if n is not None),
            setpos=tuple(_numbers(parts.get("BYSETPOS"), 1, 366, "BYSETPOS")),
            wkst=WEEKDAYS.index(parts.get("WKST", "MO")),
            count=int(parts["COUNT"]) if "COUNT" in parts else None,
            until=_until(parts["UNTIL"]) if "UNTIL" in parts else None,
        )

    def period(self, day: date) -> int:
        """The index of the period (day, week, month, year) holding `day`."""
        if self.freq == "DAILY":
            return day.toordinal()
        if self.freq == "WEEKLY":
            return (day.toordinal() - (day.weekday() - self.wkst) % 7) // 7
        if self.freq == "MONTHLY":
            return day.year * 12 + day.month - 1
        return day.year

    def days_in(self, year: int, month: int) -> list[date]:
        """The days of one month that the rule's BY parts allow, in order."""
        if self.months and month not in self.months:
            return []
        opening, length = calendar.monthrange(year, month)
        numbers: Iterable[int] = range(1, length + 1)
        if self.monthdays:
            wanted = {d if d > 0 else length + 1 + d for d in self.monthdays}
            numbers = sorted(d for d in wanted if 1 <= d <= length)
        weekdays = self.weekdays | {wd for _, wd in self.numbered}
        if weekdays:
            numbers = [n for n in numbers if (opening + n - 1) % 7 in weekdays]
        if self.numbered:
            offset, scope = self._scope(year, month, length)
            numbers = [
                n
                for n in numbers
                if self._numbered(offset + n, scope, (opening + n - 1) % 7)
            ]
        days = [date(year, month, n) for n in numbers]
        if self.freq == "DAILY" and self.interval > 1:
            first = self.start.toordinal()
            days = [d for d in days if (d.toordinal() - first) % self.interval == 0]
        return days

    def _scope(self, year: int, month: int, length: int) -> tuple[int, int]:
        """Where a numbered BYDAY counts: (days before this month in that span,
        the span's length); the year for a yearly rule naming no month."""
        if self.freq == "YEARLY" and not self.months:
            before = date(year, month, 1).toordinal() - date(year, 1, 1).toordinal()
            return before, 366 if calendar.isleap(year) else 365
        return 0, length

    def _numbered(self, position: int, scope: int, weekday: int) -> bool:
        first, last = (position - 1) // 7 + 1, -((scope - position) // 7 + 1)
        return any(wd == weekday and n in (first, last) for n, wd in self.numbered)

    def in_phase(self, day: date) -> date:
        """The first day on or after `day` of a period that INTERVAL does not skip
        (`day` itself when its period is one)."""
        skipped = (self.period(day) - self.period(self.start.date())) % self.interval
        if not skipped:
            return day
        ahead = self.interval - skipped
        if self.freq == "DAILY":
            return day + timedelta(days=ahead)
        if self.freq == "WEEKLY":
            week = day - timedelta(days=(day.weekday() - self.wkst) % 7)
            return week + timedelta(weeks=ahead)
        if self.freq == "MONTHLY":
            year, month = divmod(_month_index(day) + ahead, 12)
            return date(year, month + 1, 1)
        return date(day.year + ahead, 1, 1)

    def chosen(self, key: int, start_key: int, days: list[date]) -> list[date]:
        """The days period `key` contributes (`start_key` holds the start): none
        when INTERVAL skips it, else those BYSETPOS picks."""
        if key < start_key or (key - start_key) % self.interval:
            return []
        if self.freq == "WEEKLY" and key == start_key:
            # dateutil's first week begins at the start, not at WKST.
            days = [d for d in days if d >= self.start.date()]
        if not self.setpos:
            return days
        size = len(days)
        picked = {days[p - 1 if p > 0 else p] for p in self.setpos if abs(p) <= size}
        return sorted(picked)


def _scan_from(series: _Series, after: datetime) -> date:
    """Where the scan begins: at the start when a COUNT must be counted from it,
    else at the period holding `after`, which no earlier period can affect."""
    day = series.start.date()
    if series.count is None and after.date() > day:
        day = after.date()
    if series.freq == "YEARLY":
        return date(day.year, 1, 1)
    if series.freq == "WEEKLY":
        day -= timedelta(days=(day.weekday() - series.wkst) % 7)
    return day.replace(day=1)


def _months(series: _Series, first: date, last: date) -> Iterator[tuple[int, int]]:
    """The months from `first` to `last` that can hold an occurrence: those that
    overlap a period INTERVAL does not skip."""
    index, end = _month_index(first), _month_index(last)
    while index <= end:
        try:
            following = series.in_phase(date(index // 12, index % 12 + 1, 1))
        except (ValueError, OverflowError):
            return  # the next period it does not skip lies beyond the year 9999
        following = _month_index(following)
        if following > index:
            index = following
            continue
        yield index // 12, index % 12 + 1
        index += 1


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _horizon(series: _Series, after: datetime) -> date:
    """The last day searched: HORIZON_YEARS on, or two steps when they are longer."""
    step_days = series.interval * PERIOD_DAYS[series.freq]
    years = max(HORIZON_YEARS, 2 * step_days // 365 + 1)
    return date(min(after.year + years, 9998), 12, 31)


def _candidates(series: _Series, first: date, last: date) -> Iterator[date]:
    scanned = 0
    for year, month in _months(series, first, last):
        scanned += 1
        if scanned > MAX_MONTHS_SCANNED:
            return  # a COUNT that began too long ago to be counted through
        yield from series.days_in(year, month)


def _occurrences(series: _Series, after: datetime) -> Iterator[datetime]:
    """The series' occurrences up to its horizon after `after`, in order.

    The work is bounded: at most MAX_MONTHS_SCANNED months, each month's allowed
    days listed directly rather than tried one by one."""
    remaining = series.count
    start_key = series.period(series.start.date())
    candidates = _candidates(series, _scan_from(series, after), _horizon(series, after))
    for key, days in groupby(candidates, key=series.period):
        for day in series.chosen(key, start_key, list(days)):
            moment = datetime.combine(day, series.start.time())
            if moment < series.start:
                continue
            if series.until is not None and moment > series.until:
                return
            if remaining is not None:
                if remaining == 0:
                    return
                remaining -= 1
            yield moment


def next_occurrence(
    rule: str, *, start: datetime, timezone: str, after: datetime | None = None
) -> datetime | None:
    """The first occurrence of the series starting at `start` that comes after
    `after` (default: `start`), stepping in local wall-clock time so that "every day
    at 9" stays at 9 across daylight-saving changes; None when there is none within
    HORIZON_YEARS of `after`."""
    zone = ZoneInfo(timezone)

    def local(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    since = local(after or start)
    try:
        series = _Series.of(rule, local(start))
    except ValueError:
        # Stored before a check that now refuses it (BYDAY=+53MO): its series ends
        # rather than failing the completion that asked for its next occurrence.
        return None
    following = next((m for m in _occurrences(series, since) if m > since), None)
    return None if following is None else following.replace(tzinfo=zone)


def first_occurrence(rule: str, *, start: datetime, timezone: str) -> datetime | None:
    """The series' first occurrence, at or after `start`, within the horizon."""
    return next_occurrence(
        rule, start=start, timezone=timezone, after=start - timedelta(microseconds=1)
    )


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
