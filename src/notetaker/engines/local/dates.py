"""Find date and time expressions in text and resolve them against a reference time.

The rules in `days.py` and `clock.py` find pieces ("next Friday", "at 3pm"); pieces
separated only by a connector ("next Friday at 3pm", "9 tomorrow morning") are joined
into one expression, which is then resolved to an aware datetime in the zone of the
reference time.

Conventions (the engine relies on them):

- A date without a time is that day at 00:00 local, grain "day": the task is shown as
  a date and is due by the day's end.
- A time that has already passed today means its next occurrence, but only when no
  date was said ("at 9am" at 10am is tomorrow 9am).
- An hour with no am/pm ("at 9") is the next of 9:00 or 21:00 when no date is said;
  1 to 7 are afternoon hours, with or without a date (nobody books "Friday at 3"
  or "call Ana at 3" for 3am), unless the sentence is about the start of the day
  ("wake me at 6", "alarm at 5", "gym at 6 before work"): then it is a morning hour.
- Parts of the day with no time: morning 09:00, afternoon 15:00, evening 19:00,
  tonight 20:00, night 21:00.
- "by <when>" is a deadline: the window runs to the end of what was named.
- "before <when>" is a deadline that ends where what was named begins: "before
  March" is due by the end of February.
"""

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from ..base import DateOrder
from . import clock, days, durations, holidays, periods
from .pieces import Clock, Grain, Piece

Kind = Literal["instant", "deadline", "interval"]

TIMED_GRAINS = ("hour", "minute", "second")
PART_HOURS = {"morning": 9, "afternoon": 15, "evening": 19, "tonight": 20, "night": 21}
_AFTERNOON_PARTS = ("afternoon", "evening", "tonight", "night")
_CONNECTOR = re.compile(
    r"[\s,]*(?:(?:at|on|@|of|the|in\s+the|for|around|about|this|-|before|after)"
    r"[\s,]+)*[\s,]*",
    re.I,
)
# Words that put an hour with no am/pm in the morning ("breakfast at 7").
_MORNING_CUE = re.compile(
    r"\b(?:wake|waking|alarm|breakfast|morning|before\s+work)\b", re.I
)
_SENTENCE_END = re.compile(r"[.!?;\n]")
SENTENCE_REACH = 200  # characters either side of a time searched for a morning cue
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\bno\s+later\s+than|\bdue\s+by)\s*$", re.I)
# "Before March": due by the end of what comes before the named day or period.
_BEFORE = re.compile(r"\bbefore\s*$", re.I)
_LEAD_BEFORE = re.compile(r"(?:\bdue\s+on|\bdue|\bon|\bat|@)\s*$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|till|until|through|thru|and)\s*", re.I)
_RANGE_LEAD = re.compile(r"(?:\bfrom|\bbetween)\s+$", re.I)
DAY_RULES = days.RULES + durations.RULES + periods.RULES + holidays.RULES
MAX_TEXT = 20_000  # resolve in chunks of this size at most; rules are local anyway


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: datetime  # aware, in the reference zone; the start of what was named
    grain: Grain
    kind: Kind = "instant"
    end_value: datetime | None = None  # exclusive end of a deadline or interval
    # The time of day as read on a named day ("at 9" is 09:00), for repeating tasks.
    wall: time | None = None
    # Only a time of day was said ("2pm"): the day is the resolver's guess, which a
    # change to an existing task replaces with the task's own day.
    clock_only: bool = False

    @property
    def has_time(self) -> bool:
        return self.grain in TIMED_GRAINS


def find_dates(
    text: str, now: datetime, date_order: DateOrder = DateOrder.MDY
) -> list[DateMatch]:
    """Every date/time expression in `text`, resolved against aware `now`."""
    ctx = days.Context(now=now, order=date_order)
    found: list[DateMatch] = []
    for offset in range(0, len(text), MAX_TEXT):
        chunk = text[offset : offset + MAX_TEXT]
        groups = _groups(chunk, _pieces(chunk, ctx))
        matches = [_resolve(chunk, group, ctx) for group in groups]
        resolved = _join_ranges(chunk, [m for m in matches if m])
        found += [_shift(m, offset, text) for m in resolved]
    return found


def _shift(match: DateMatch, offset: int, text: str) -> DateMatch:
    start, end = match.start + offset, match.end + offset
    return _replace(match, start=start, end=end, text=text[start:end])


def _pieces(text: str, ctx: days.Context) -> list[Piece]:
    candidates = [
        piece
        for pattern, handler in DAY_RULES
        for match in pattern.finditer(text)
        if (piece := _guarded(handler, match, ctx))
    ]
    candidates += [
        piece
        for pattern, handler in clock.RULES
        for match in pattern.finditer(text)
        if (piece := handler(match))
    ]
    return _non_overlapping(candidates)


def _guarded(handler, match: re.Match[str], ctx: days.Context) -> Piece | None:
    """A rule's piece; numbers past the calendar's range ("Q4 9999") name no day."""
    try:
        return handler(match, ctx)
    except (ValueError, OverflowError):
        return None


def _non_overlapping(pieces: list[Piece]) -> list[Piece]:
    """Longest pieces win; a shorter one inside a longer one is dropped."""
    chosen: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (p.start - p.end, p.start)):
        if all(piece.end <= c.start or piece.start >= c.end for c in chosen):
            chosen.append(piece)
    return sorted(chosen, key=lambda p: p.start)


def _groups(text: str, pieces: list[Piece]) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        if last and _joins(text, last, piece):
            last.append(piece)
        else:
            groups.append([piece])
    return groups


def _joins(text: str, group: list[Piece], piece: Piece) -> bool:
    if not _CONNECTOR.fullmatch(text, group[-1].end, piece.start):
        return False
    if piece.shift or group[-1].shift:
        return not (piece.shift and any(p.shift for p in group))
    if piece.zone is not None:
        return any(p.clock for p in group) and all(p.zone is None for p in group)
    if piece.year is not None:
        return any(p.floating == "year" for p in group)
    if piece.moment or any(p.moment for p in group):
        return False
    if piece.clock and any(p.clock for p in group):
        return False
    if piece.part and any(p.part for p in group) and not piece.clock:
        return False
    fixed_days = [p for p in group if p.day and not p.weekday_only]
    return not (piece.day and not piece.weekday_only and fixed_days)


def _merge(group: list[Piece], today: date) -> Piece:
    dated = [p for p in group if p.day]
    day = next((p for p in dated if not p.weekday_only), dated[0] if dated else None)
    weekday = next((p for p in dated if p.weekday_only), None)
    year = next((p.year for p in group if p.year), None)
    if day and day.floating == "year" and year:
        day = replace(
            day, day=days.make_date(year, day.day.month, day.day.day), floating=None
        )
    if day and day.floating and weekday:
        found = days.fit_weekday(day.day, day.floating, weekday.day.weekday(), today)
        day = replace(day, day=found)
    clock_piece = next((p for p in group if p.clock), None)
    part = next((p.part for p in group if p.part), None)
    return Piece(
        group[0].start,
        group[-1].end,
        day=day.day if day else None,
        grain=day.grain if day else "day",
        clock=clock_piece.clock if clock_piece else None,
        part=part,
        moment=next((p.moment for p in group if p.moment), None),
        window_end=day.window_end if day else None,
        last_day=day.last_day if day else None,
        shift=next((p.shift for p in group if p.shift), None),
        zone=next((p.zone for p in group if p.zone is not None), None),
    )


def _resolve(text: str, group: list[Piece], ctx: days.Context) -> DateMatch | None:
    piece = _in_morning_sentence(text, _merge(group, ctx.today))
    start = _lead_start(text, piece.start)
    deadline = _DEADLINE_BEFORE.search(text, 0, start)
    before = None if deadline else _BEFORE.search(text, max(0, start - 10), start)
    if deadline or before:
        start = (deadline or before).start()
    value, grain = _value(piece, ctx)
    if value is None:
        return None
    wall = _wall(piece)
    match = DateMatch(
        start,
        piece.end,
        text[start : piece.end],
        value,
        grain,
        wall=wall,
        clock_only=_clock_only(piece),
    )
    if before:
        return _replace(match, kind="deadline", end_value=value)
    if piece.last_day and not deadline:
        last = at(piece.last_day, value.timetz().replace(tzinfo=None), value.tzinfo)
        return _replace(match, kind="interval", end_value=last)
    return _as_deadline(match, piece) if deadline else match


def _in_morning_sentence(text: str, piece: Piece) -> Piece:
    """A bare hour in a sentence about waking or breakfast is a morning hour."""
    bare = piece.clock and piece.clock.meridiem is None and piece.part is None
    if not bare or not _MORNING_CUE.search(_sentence(text, piece)):
        return piece
    return replace(piece, part="morning")


def _sentence(text: str, piece: Piece) -> str:
    before = text[max(0, piece.start - SENTENCE_REACH) : piece.start]
    after = text[piece.end : piece.end + SENTENCE_REACH]
    return (
        _SENTENCE_END.split(before)[-1]
        + text[piece.start : piece.end]
        + _SENTENCE_END.split(after)[0]
    )


def _clock_only(piece: Piece) -> bool:
    named_day = piece.day or piece.moment or piece.shift or piece.part == "tonight"
    return piece.clock is not None and not named_day


def _lead_start(text: str, start: int) -> int:
    lead = _LEAD_BEFORE.search(text, max(0, start - 12), start)
    return lead.start() if lead else start


def _value(piece: Piece, ctx: days.Context) -> tuple[datetime | None, Grain]:
    if piece.shift is None:
        return _zoned_value(piece, ctx)
    if not (piece.day or piece.moment or piece.clock or piece.part):
        return None, ""
    value, grain = _zoned_value(piece, ctx)
    if value is None:
        return None, ""
    try:
        return durations.moved(value, piece.shift), grain
    except (OverflowError, ValueError):
        return None, ""


def _zoned_value(piece: Piece, ctx: days.Context) -> tuple[datetime | None, Grain]:
    """A time said with a zone ("8:00 GMT") is read there and shown in the user's."""
    if piece.zone is None:
        return _plain_value(piece, ctx)
    named = timezone(timedelta(minutes=piece.zone))
    value, grain = _plain_value(
        piece, days.Context(ctx.now.astimezone(named), ctx.order)
    )
    return (value.astimezone(ctx.now.tzinfo) if value else None), grain


def _plain_value(piece: Piece, ctx: days.Context) -> tuple[datetime | None, Grain]:
    zone = ctx.now.tzinfo
    if piece.moment:
        return piece.moment, "second"
    clock_ = piece.clock or _part_clock(piece.part)
    if clock_ is None:
        return (at(piece.day, time(), zone), piece.grain) if piece.day else (None, "")
    if piece.day is None:
        return _next_time(clock_, piece.part, ctx), clock_.grain
    hour = resolve_hour(clock_, piece.part, dated=True)
    wall = time(hour, clock_.minute, clock_.second)
    return at(piece.day, wall, zone), clock_.grain


def _wall(piece: Piece) -> time | None:
    clock_ = piece.clock or _part_clock(piece.part)
    if clock_ is None:
        return None
    return time(resolve_hour(clock_, piece.part, dated=True), clock_.minute)


def _part_clock(part: str | None) -> Clock | None:
    return Clock(PART_HOURS[part], meridiem="24") if part else None


def resolve_hour(clock_: Clock, part: str | None, *, dated: bool) -> int:
    """The 24-hour hour meant by a clock reading, given the part of day and date."""
    hour, meridiem = clock_.hour, clock_.meridiem
    if meridiem == "am":
        return 0 if hour == 12 else hour
    if meridiem == "pm":
        return hour if hour >= 12 else hour + 12
    if meridiem == "24":
        return hour
    if part in _AFTERNOON_PARTS:
        return hour if hour >= 12 else hour + 12
    if part == "morning" or not dated:
        return hour
    return hour + 12 if 1 <= hour <= 7 else hour


def _next_time(clock_: Clock, part: str | None, ctx: days.Context) -> datetime:
    """The first moment after now that shows this clock reading."""
    zone, today = ctx.now.tzinfo, ctx.today
    hour = resolve_hour(clock_, part, dated=False)
    bare = clock_.meridiem is None and part is None
    if bare and 1 <= hour <= 7:
        hour += 12  # as with a date: "call Ana at 3" is not a 3am call
    hours = [hour]
    if bare and 8 <= hour <= 12:
        hours.append((hour + 12) % 24)
    for day in (today, today + timedelta(days=1)):
        for candidate in sorted(hours):
            value = at(day, time(candidate, clock_.minute, clock_.second), zone)
            if value > ctx.now:
                return value
    return at(today + timedelta(days=1), time(hour, clock_.minute), zone)


def at(day: date, wall: time, zone: tzinfo | None) -> datetime:
    """Wall-clock time on a day in a zone; a time skipped by DST moves forward."""
    local = datetime.combine(day, wall, tzinfo=zone)
    return local.astimezone(UTC).astimezone(zone)


def _as_deadline(match: DateMatch, piece: Piece) -> DateMatch:
    if match.has_time:
        return _replace(match, kind="deadline", end_value=match.value)
    if piece.window_end:
        end = at(piece.window_end, time(), match.value.tzinfo)
    else:
        end = at(match.value.date() + timedelta(days=1), time(), match.value.tzinfo)
    return _replace(match, kind="deadline", end_value=end)


def _replace(match: DateMatch, **changes) -> DateMatch:
    fields = {name: getattr(match, name) for name in DateMatch.__slots__}
    return DateMatch(**(fields | changes))


def _join_ranges(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """ "from 3pm to 5pm", "Monday - Wednesday": two matches become one interval."""
    joined: list[DateMatch] = []
    for match in matches:
        last = joined[-1] if joined else None
        if (
            last
            and last.kind == "instant"
            and _RANGE_JOIN.fullmatch(text, last.end, match.start)
        ):
            joined[-1] = _interval(text, last, match)
        else:
            joined.append(match)
    return joined


def _interval(text: str, first: DateMatch, second: DateMatch) -> DateMatch:
    lead = _RANGE_LEAD.search(text, max(0, first.start - 10), first.start)
    start = lead.start() if lead else first.start
    return _replace(
        first,
        start=start,
        end=second.end,
        text=text[start : second.end],
        kind="interval",
        end_value=second.value,
        # "Monday and Thursday at 8am": the time said once holds for both days.
        wall=first.wall or second.wall,
    )


_LOCAL_ISO = re.compile(
    r"\s*(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?\s*"
)


def resolve_local(
    text: str,
    now: datetime,
    zone: tzinfo | str,
    date_order: DateOrder = DateOrder.MDY,
) -> tuple[datetime, bool] | None:
    """A wall-clock time in the user's zone, from a model's text or a phrase.

    For engines whose model answers with local wall-clock text: "2026-12-11 15:00"
    and "2026-12-11T15:00:00" are that time in `zone`, "2026-12-11" is that day
    (no time), and anything else ("next Friday 3pm") goes through `find_dates` at
    `now`. The model never does zone arithmetic: an offset or "Z" it appends is
    ignored, the wall-clock reading is what counts. Returns the aware datetime and
    whether a time of day was given, or None when no date can be read.
    """
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    iso = _LOCAL_ISO.fullmatch(text)
    if iso:
        return _iso_local(iso, tz)
    matches = find_dates(text, now.astimezone(tz), date_order)
    if not matches:
        return None
    return matches[0].value, matches[0].has_time


def _iso_local(iso: re.Match[str], zone: tzinfo) -> tuple[datetime, bool] | None:
    day = days.make_date(int(iso["y"]), int(iso["mo"]), int(iso["d"]))
    if day is None:
        return None
    if iso["h"] is None:
        return at(day, time(), zone), False
    hour, minute, second = int(iso["h"]), int(iso["mi"]), int(iso["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return at(day, time(hour, minute, second), zone), True
