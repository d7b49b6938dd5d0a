"""Rules for times of day: "3pm", "15:30", "at 9", "noon", "half past three"."""

import re
from collections.abc import Callable

from .lexicon import CARDINALS, alternation, to_number
from .pieces import Clock, Piece

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], Piece | None]]

_HOUR_WORDS = {w: n for w, n in CARDINALS.items() if isinstance(n, int) and n <= 12}
_HOUR_WORD_RE = alternation(
    w for w, n in _HOUR_WORDS.items() if n >= 1 and " " not in w and w[0] != "a"
)
_MINUTE_WORD_RE = alternation(
    w for w, n in CARDINALS.items() if isinstance(n, int) and 10 <= n <= 59
)
_MERIDIEM = (
    r"(?P<mer>a\.m\.?|p\.m\.?|am|pm|[ap]\s+m\b|in\s+the\s+[ap]m|(?<=\d)[ap]\b\.?)"
)
# Digits glued to currency or decimals are amounts, not hours ("$20 Am", "0.5").
_NO_AMOUNT = r"(?<![\w$€£¥.,:/-])"
# The end of "3-4pm" may follow a dash, as long as a number is before it.
_RANGE_END = r"(?<![\w$€£¥.,:/])(?:(?<=\d-)|(?<!-))"
# "at 9" is a time unless a counted thing follows ("at 9 people", "at 5 kg", "at 2%").
_AFTER_BARE_HOUR = (
    r"(?!\s*(?:%|[.,:/h]\d|\d|[a-z]+s\b|(?:kg|g|km|mi|m|cm|mm|lb|oz|x|am|pm|per|"
    r"percent|people|person|degree|year|month|week|day|hour|minute)\b))"
)
_PARTS = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "tonight": "tonight",
    "tonite": "tonight",
}


def _meridiem(match: re.Match[str]) -> str | None:
    text = (match.groupdict().get("mer") or "").lower().removeprefix("in")
    return text.strip(" the")[:1] + "m" if text else None


def _clock(hour: int, minute: int = 0, second: int = 0, **kwargs) -> Clock | None:
    if not (0 <= hour <= 24 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return Clock(hour % 24, minute, second, **kwargs)


def _piece(match: re.Match[str], clock: Clock | None) -> Piece | None:
    return Piece(match.start(), match.end(), clock=clock) if clock else None


def _with_meridiem(match: re.Match[str]) -> Piece | None:
    hour, minute = int(match["h"]), int(match["m"] or 0)
    meridiem = _meridiem(match)
    if hour == 0 or hour > 12:
        return None
    grain = "second" if match["s"] else "minute" if match["m"] else "hour"
    return _piece(
        match,
        _clock(hour, minute, int(match["s"] or 0), grain=grain, meridiem=meridiem),
    )


def _range_start(match: re.Match[str]) -> Piece | None:
    """The first time of "3-4pm" or "3:30 to 6 p.m.", which shares the second's
    half of the day, unless it is later on the clock ("11-1pm" starts at 11am)."""
    hour, minute = int(match["h"]), int(match["m"] or 0)
    later = int(match["h2"])
    if not 1 <= hour <= 12:
        return None
    meridiem = _meridiem(match)
    if hour > later and hour != 12:
        meridiem = "am" if meridiem == "pm" else "pm"
    grain = "minute" if match["m"] else "hour"
    return _piece(match, _clock(hour, minute, grain=grain, meridiem=meridiem))


def _compact_meridiem(match: re.Match[str]) -> Piece | None:
    hour, minute = divmod(int(match["hm"]), 100)
    if not 1 <= hour <= 12:
        return None
    return _piece(
        match, _clock(hour, minute, grain="minute", meridiem=_meridiem(match))
    )


def _colon(match: re.Match[str]) -> Piece | None:
    hour, minute = int(match["h"]), int(match["m"] or 0)
    second = int(match["s"] or 0)
    grain = "second" if match["s"] else "minute"
    # A leading zero ("09:30") or an hour past 12 is already a 24-hour time.
    meridiem = None if match["h"][0] != "0" and 1 <= hour <= 12 else "24"
    return _piece(match, _clock(hour, minute, second, grain=grain, meridiem=meridiem))


def _bare_hour(match: re.Match[str]) -> Piece | None:
    """ "at 9", "at 3 15", "at three twenty", "at 1030": an hour with no am/pm."""
    groups = match.groupdict()
    if groups.get("hm"):
        hour, minute = divmod(int(groups["hm"]), 100)
    else:
        hour, minute = to_number(match["h"]), to_number(groups.get("m") or "0")
    if not isinstance(hour, int) or not isinstance(minute, int) or hour > 24:
        return None
    meridiem = _meridiem(match)
    if meridiem is None and not (1 <= hour <= 12 and match[0].strip()[:1] != "0"):
        meridiem = "24"
    grain = "minute" if groups.get("m") or groups.get("hm") else "hour"
    return _piece(match, _clock(hour, minute, grain=grain, meridiem=meridiem))


def _zone(match: re.Match[str]) -> Piece | None:
    offset = ZONES[match["zone"].upper()]
    return Piece(match.start(), match.end(), zone=offset)


def _word_time(match: re.Match[str]) -> Piece | None:
    hour = _HOUR_WORDS[" ".join(match["h"].lower().split())]
    minute = to_number(match["m"]) if match["m"] else 0
    grain = "minute" if match["m"] else "hour"
    return _piece(
        match, _clock(hour, int(minute or 0), grain=grain, meridiem=_meridiem(match))
    )


def _named(match: re.Match[str]) -> Piece | None:
    hour = 0 if match[0].lower().startswith("midn") else 12
    return _piece(match, _clock(hour, meridiem="24"))


def _relative_minutes(match: re.Match[str]) -> Piece | None:
    minutes = {"half": 30, "quarter": 15, "a quarter": 15}.get(
        " ".join(match["n"].lower().split())
    ) or to_number(match["n"])
    target = match["h"].lower()
    hour = {"noon": 12, "midnight": 0}.get(target)
    hour = to_number(target) if hour is None else hour
    if not isinstance(minutes, int) or not isinstance(hour, int) or minutes >= 60:
        return None
    before = match["dir"].lower() in ("to", "till", "before", "of")
    minute = 60 - minutes if before else minutes
    hour = hour - 1 if before else hour
    named = target in ("noon", "midnight") or match["h24"]
    meridiem = _meridiem(match) or ("24" if named else None)
    clock = _clock(hour % 24, minute, grain="minute", meridiem=meridiem)
    return _piece(match, clock)


def _half_hour_uk(match: re.Match[str]) -> Piece | None:
    hour = to_number(match["h"])
    if not isinstance(hour, int) or not 1 <= hour <= 12:
        return None
    return _piece(match, _clock(hour, 30, grain="minute", meridiem=_meridiem(match)))


def _part_of_day(match: re.Match[str]) -> Piece | None:
    return Piece(match.start(), match.end(), part=_PARTS[match["part"].lower()])


def _colon_or_h(match: re.Match[str]) -> Piece | None:
    if match["m2"] is not None or match[0].lower().endswith("h"):
        hour, minute = int(match["h"]), int(match["m2"] or 0)
        return _piece(match, _clock(hour, minute, grain="minute", meridiem="24"))
    if match["m"] is None:
        return None
    return _colon(match)


_NUM = rf"(?:\d{{1,2}}|{_HOUR_WORD_RE})"
# Well-known zone abbreviations next to a time, as fixed UTC offsets in minutes.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "WET": 0, "WEST": 60, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "JST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip
_ZONE_RE = alternation(z for z in ZONES if z != "Z")
_AT = (
    r"(?:\b(?:at|around|about|approximately|approx\.?|by|till|until|from|after|"
    r"before)\s*|@\s*)"
)
_MINUTES = rf"(?:[0-5]\d|{_MINUTE_WORD_RE})"
RULES: list[Rule] = [
    (
        re.compile(
            rf"{_NO_AMOUNT}(?P<h>\d{{1,2}})(?::(?P<m>[0-5]\d))?(?=\s*(?:-|–|to|till|"
            rf"until)\s*(?P<h2>\d{{1,2}})(?::[0-5]\d)?\s*{_MERIDIEM}(?![\w']))",
            re.I,
        ),
        _range_start,
    ),
    (
        re.compile(
            rf"{_RANGE_END}(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?)?"
            rf"(?:\s*ish)?\s*{_MERIDIEM}(?![\w'])",
            re.I,
        ),
        _with_meridiem,
    ),
    (
        re.compile(rf"{_NO_AMOUNT}(?P<hm>\d{{3,4}})\s*{_MERIDIEM}(?![\w'])", re.I),
        _compact_meridiem,
    ),
    (
        re.compile(
            rf"{_NO_AMOUNT}(?P<h>[01]?\d|2[0-4])(?::(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
            r"|h(?P<m2>[0-5]\d)?)(?![\d:.]\d|\s*%)(?![\w])",
            re.I,
        ),
        _colon_or_h,
    ),
    (
        re.compile(
            rf"{_AT}(?:(?P<hm>(?:[01]?\d|2[0-3])[0-5]\d)|(?P<h>{_NUM})"
            rf"(?:\s+(?P<m>{_MINUTES}))?)(?:\s*o'?clock)?(?:\s*ish)?{_AFTER_BARE_HOUR}",
            re.I,
        ),
        _bare_hour,
    ),
    (
        re.compile(rf"\b(?P<h>{_NUM})\s*o'?\s?clock(?:\s+{_MERIDIEM})?", re.I),
        _bare_hour,
    ),
    (
        re.compile(
            rf"\b(?P<h>{_HOUR_WORD_RE})(?:[\s-]+(?P<m>{_MINUTE_WORD_RE}|o'?\s?"
            rf"(?:one|two|three|four|five|six|seven|eight|nine)))?\s*{_MERIDIEM}(?!\w)",
            re.I,
        ),
        _word_time,
    ),
    (
        re.compile(
            r"(?<![\w$€£.,:])(?:(?P<h>\d{1,2})|(?P<hm>\d{3,4}))(?=\s+(?:tomorrow|today|"
            r"tonight|this\s+(?:morning|afternoon|evening)|at\s+night|"
            r"in\s+the\s+(?:morning|afternoon|evening)))",
            re.I,
        ),
        _bare_hour,
    ),
    (re.compile(r"\b(?:noon|midday|mid\s*day|midnight)\b", re.I), _named),
    (re.compile(rf"(?<=\w)\s*\(?\b(?P<zone>{_ZONE_RE})\b\)?", re.I), _zone),
    (
        re.compile(
            rf"{_NO_AMOUNT}\b(?P<n>half|a\s+quarter|quarter|\d{{1,2}}|"
            rf"{_MINUTE_WORD_RE}|{_HOUR_WORD_RE})(?:\s+minutes?)?\s+"
            r"(?P<dir>past|after|to|till|before|of)\s+"
            rf"(?P<h>noon|midnight|\d{{1,2}}|{_HOUR_WORD_RE})(?P<h24>h)?"
            rf"(?:\s*{_MERIDIEM})?(?!\w)",
            re.I,
        ),
        _relative_minutes,
    ),
    (
        re.compile(rf"\bhalf\s+(?P<h>{_NUM})(?:\s*{_MERIDIEM})?(?!\w)", re.I),
        _half_hour_uk,
    ),
    (
        re.compile(
            r"\b(?:in\s+the\s+|this\s+|at\s+|during\s+the\s+)?"
            r"(?P<part>morning|afternoon|evening|night|tonight|tonite)\b",
            re.I,
        ),
        _part_of_day,
    ),
]
