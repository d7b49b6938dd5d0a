"""Date resolution scored on Duckling's and chrono's tests, next to other parsers.

Every record is resolved at its own reference time and zone, and compared at its own
grain. The same records go to our resolver, to `dateparser` and to `parsedatetime`,
each with its best honest settings, so our figure always stands next to theirs.
"""

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from notetaker.engines.base import DateOrder
from notetaker.engines.local.dates import DateMatch, find_dates
from notetaker.evaluation.report import Section, percent

CORPUS = "datetime_en.jsonl"
HOLIDAYS = "datetime_en_holidays.jsonl"
MAIN_GROUPS = ("instant", "deadline")
GROUPS = ("instant", "deadline", "interval", "open", "forward", "past")
_GROUP_NAMES = {
    "instant": "instant",
    "deadline": "deadline (`by …`, scored on `end`)",
    "interval": "interval (start and end)",
    "open": "open_after / open_before (the bound)",
    "forward": "chrono forwardDate (counted apart)",
    "past": "answer in the past by the source's convention (counted apart)",
}
_PAST_NOTES = ("picks the closest matching date", "result is in the past")
MAX_FAILURES = 25
NOTES = [
    "Each record is resolved at its own `reference` (Duckling: the offset in it; "
    "chrono: a naive local time, read as UTC) and compared as local wall-clock time "
    "at the record's `grain`: at `day` grain only the date counts, at `week` grain "
    "the Monday, at `month`/`quarter`/`year` grain the first day of the period.",
    "Numeric dates are read day/month for locale `en_GB` and month/day otherwise, "
    "for every parser.",
    "instant, forwardDate, past and holiday records: the first date found (the one "
    "overlapping chrono's `span` when the record has one) must equal `expected`.",
    "deadline (`by …` records, Duckling intervals that start at the reference): "
    "the due moment must equal `end` to the minute or, when `end` is a midnight, "
    "fall on the last day of the window (the day before `end`). Ours is the end of "
    "the deadline it found; for the other parsers, the date they return.",
    "interval: the start must equal `expected` and, when the record has an `end`, "
    "the end must equal it; Duckling's end is exclusive at the grain (the last "
    "named unit is `end` minus one grain), chrono's is inclusive.",
    "open_after/open_before (`after 2 pm`, `until 2:00pm`): the bound must equal "
    "`expected`.",
    "Counted apart: the 17 chrono records run with `forwardDate` (their answers "
    "assume a future bias, like ours) and the records whose `note` says the "
    "expected answer is in the past by the source's own default (chrono's closest "
    "date, Duckling's `at 4:23` at 04:30); a future-biased assistant fails the "
    "latter by design.",
    "The headline figure is instants + deadlines of the main rows.",
    "Our convention, kept although both sources differ: an amount of days or "
    "longer (`in 7 days`, `2 months ago`) names a calendar day, not the same time "
    "of day, so a task said `in 3 days` is due that day; at hour or minute grain "
    "those records count as misses. A bare amount (`1 hour`) and `for 5 minutes` "
    "are not read as dates outside `timer/alarm/wait for`.",
    "dateparser: `parse`, else the first `search_dates` hit, with RELATIVE_BASE, "
    "PREFER_DATES_FROM=future, DATE_ORDER by locale. parsedatetime: `parseDT` with "
    "sourceTime (locale en_AU for day/month), else the first `nlp` hit; ranges via "
    "`evalRanges`.",
]


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    reference: datetime  # aware
    expected: datetime  # naive local wall time
    end: datetime | None
    grain: str
    group: str
    source: str  # duckling | chrono
    order: DateOrder
    span: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    start: datetime | None = None  # naive local wall time
    end: datetime | None = None


Parser = Callable[[Record], Answer]


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _naive(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).replace(tzinfo=None) if text else None


def _group(raw: dict) -> str:
    if raw.get("options", {}).get("forwardDate"):
        return "forward"
    if any(note in raw.get("note", "") for note in _PAST_NOTES):
        return "past"
    if raw["kind"] == "interval":
        return "deadline" if raw["text"].lower().startswith("by ") else "interval"
    return "open" if raw["kind"].startswith("open_") else "instant"


def load(path: Path) -> list[Record]:
    records = []
    for line in path.read_text().splitlines():
        raw = json.loads(line)
        records.append(
            Record(
                id=raw["id"],
                text=raw["text"],
                reference=_aware(raw["reference"]),
                expected=_naive(raw["expected"]),
                end=_naive(raw.get("end")),
                grain=raw["grain"],
                group=_group(raw),
                source=raw["id"].split("-")[0],
                order=DateOrder.DMY if raw.get("locale") == "en_GB" else DateOrder.MDY,
                span=raw.get("span"),
            )
        )
    return records


def truncate(value: datetime, grain: str) -> datetime:
    """The start of the `grain` unit holding a wall-clock time."""
    value = value.replace(microsecond=0)
    keep = ("second", "minute", "hour", "day")
    fields = ("second", "minute", "hour")
    if grain in keep:
        drop = fields[: keep.index(grain)]
        return value.replace(**dict.fromkeys(drop, 0))
    day = value.replace(hour=0, minute=0, second=0)
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def _same(got: datetime | None, expected: datetime, grain: str) -> bool:
    return got is not None and truncate(got, grain) == truncate(expected, grain)


def _grain_step(grain: str) -> relativedelta:
    if grain == "quarter":
        return relativedelta(months=3)
    return relativedelta(**{grain + "s": 1})


def _deadline_met(due: datetime | None, end: datetime) -> bool:
    if due is None:
        return False
    if due.replace(second=0, microsecond=0) == end.replace(second=0):
        return True
    midnight = end.time() == datetime.min.time()
    return midnight and due.date() == (end - timedelta(seconds=1)).date()


def correct(record: Record, answer: Answer) -> bool:
    """Whether an answer is right for the record, by the rules in NOTES."""
    if record.group == "deadline":
        return record.end is not None and _deadline_met(answer.end, record.end)
    if not _same(answer.start, record.expected, record.grain):
        return False
    if record.group != "interval" or record.end is None:
        return True
    last = record.end
    if record.source == "duckling":
        last = record.end - _grain_step(record.grain)
    return _same(answer.end, last, record.grain)


# --- the parsers -------------------------------------------------------------------


def _local(value: datetime | None, record: Record) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(record.reference.tzinfo).replace(tzinfo=None)


def _overlaps(found: str, span: str | None) -> bool:
    if not span:
        return True
    found, span = found.lower(), span.lower()
    return found in span or span in found


def _pick(hits: list, text_of: Callable[[Any], str], span: str | None) -> Any:
    return next((h for h in hits if _overlaps(text_of(h), span)), None) or (
        hits[0] if hits else None
    )


def ours(record: Record) -> Answer:
    matches = find_dates(record.text, record.reference, record.order)
    match: DateMatch | None = _pick(matches, lambda m: m.text, record.span)
    if match is None:
        return Answer()
    end = match.end_value
    if record.group == "deadline" and match.kind == "instant":
        end = match.value
    return Answer(_local(match.value, record), _local(end, record))


def _dateparser_settings(record: Record) -> dict:
    return {
        "RELATIVE_BASE": record.reference.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": record.order.value,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def dateparser_answer(record: Record) -> Answer:
    import dateparser
    from dateparser.search import search_dates

    settings = _dateparser_settings(record)
    whole = dateparser.parse(record.text, languages=["en"], settings=settings)
    if whole is not None:
        return Answer(whole, whole)
    hits = search_dates(record.text, languages=["en"], settings=settings) or []
    first = _pick(hits, lambda h: h[0], record.span)
    if first is None:
        return Answer()
    rest = hits[hits.index(first) + 1 :]
    due = first[1]
    return Answer(due, rest[0][1] if rest and record.group == "interval" else due)


def _calendar(order: DateOrder):
    import parsedatetime

    locale = "en_AU" if order == DateOrder.DMY else "en_US"
    return parsedatetime.Calendar(
        parsedatetime.Constants(locale), version=parsedatetime.VERSION_CONTEXT_STYLE
    )


def parsedatetime_answer(record: Record) -> Answer:
    calendar = _calendar(record.order)
    source = record.reference.replace(tzinfo=None)
    if record.group == "interval":
        start, end, flag = calendar.evalRanges(record.text, source.timetuple())
        if flag:
            return Answer(datetime(*start[:6]), datetime(*end[:6]))
    value, context = calendar.parseDT(record.text, sourceTime=source)
    if context.hasDateOrTime:
        return Answer(value, value)
    hits = list(calendar.nlp(record.text, sourceTime=source) or ())
    first = _pick(hits, lambda h: h[4], record.span)
    return Answer(first[0], first[0]) if first else Answer()


PARSERS: dict[str, Parser] = {
    "ours": ours,
    "dateparser": dateparser_answer,
    "parsedatetime": parsedatetime_answer,
}


# --- scoring -----------------------------------------------------------------------


@dataclass(slots=True)
class Scored:
    record: Record
    hits: dict[str, bool]
    got: Answer  # ours
    seconds: float  # our time for this record


def _safe(parser: Parser, record: Record) -> Answer:
    try:
        return parser(record)
    except Exception:  # noqa: BLE001 - a parser crash is a wrong answer
        return Answer()


def score(records: Iterable[Record], parsers: dict[str, Parser]) -> list[Scored]:
    scored = []
    for record in records:
        started = time.perf_counter()
        got = _safe(parsers["ours"], record)
        seconds = time.perf_counter() - started
        hits = {"ours": correct(record, got)}
        hits |= {
            name: correct(record, _safe(parser, record))
            for name, parser in parsers.items()
            if name != "ours"
        }
        scored.append(Scored(record, hits, got, seconds))
    return scored


def _row(label: str, items: list[Scored], names: list[str]) -> list[str]:
    counts = [sum(s.hits[name] for s in items) for name in names]
    return [label, str(len(items))] + [percent(c, len(items)) for c in counts]


def _rows(scored: list[Scored], names: list[str]) -> list[list[str]]:
    rows = []
    for source in ("duckling", "chrono"):
        for group in GROUPS:
            items = [
                s
                for s in scored
                if (s.record.source, s.record.group) == (source, group)
            ]
            if items:
                rows.append(_row(f"{source}: {_GROUP_NAMES[group]}", items, names))
    for source in ("duckling", "chrono"):
        main = [
            s
            for s in scored
            if s.record.source == source and s.record.group in MAIN_GROUPS
        ]
        rows.append(_row(f"**{source}: instants + deadlines**", main, names))
    main = [s for s in scored if s.record.group in MAIN_GROUPS]
    rows.append(_row("**all: instants + deadlines (headline)**", main, names))
    return rows


def _describe(value: datetime | None) -> str:
    return value.isoformat() if value else "nothing"


def failures(scored: list[Scored], limit: int = MAX_FAILURES) -> list[str]:
    """Our misses, those the most other parsers got right first."""
    missed = [s for s in scored if not s.hits["ours"]]
    missed.sort(key=lambda s: -sum(s.hits.values()))
    lines = []
    for item in missed[:limit]:
        record, got = item.record, item.got
        expected = record.end if record.group == "deadline" else record.expected
        mine = got.end if record.group == "deadline" else got.start
        others = [name for name, hit in item.hits.items() if hit]
        lines.append(
            f"`{record.text}` ({record.id}, {record.group}, {record.grain}): expected "
            f"{_describe(expected)}, got {_describe(mine)}"
            + (f"; right: {', '.join(others)}" if others else "")
        )
    return lines


def _timing(scored: list[Scored]) -> str:
    times = sorted(s.seconds for s in scored)
    p95 = times[int(0.95 * (len(times) - 1))]
    return (
        f"Our resolver: p50 {1000 * times[len(times) // 2]:.2f} ms, p95 "
        f"{1000 * p95:.2f} ms per record ({len(times)} records)."
    )


def evaluate(corpora: Path, parsers: dict[str, Parser] | None = None) -> list[Section]:
    parsers = parsers or PARSERS
    names = list(parsers)
    header = ["records", "count"] + names
    scored = score(load(corpora / CORPUS), parsers)
    holidays = score(load(corpora / HOLIDAYS), parsers)
    main = Section(
        "Dates and times (datetime_en.jsonl)",
        header,
        _rows(scored, names),
        notes=[*NOTES, _timing(scored)],
        failures=failures(scored),
    )
    holiday = Section(
        "Holidays (datetime_en_holidays.jsonl)",
        header,
        [_row("duckling: holiday instants", holidays, names)],
        notes=["Scored like instants. Holidays are region- and calendar-dependent."],
        failures=failures(holidays, limit=10),
    )
    return [main, holiday]
