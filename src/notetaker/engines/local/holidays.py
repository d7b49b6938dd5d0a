"""Widely shared holidays ("Christmas", "Easter Monday", "Thanksgiving 2014").

Only holidays with a fixed rule are known: a fixed date, the Nth weekday of a
month (US observances), or a day counted from Western Easter. Lunar and regional
holidays are left out rather than guessed.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from .days import Context
from .pieces import Piece

Rule = Callable[[int], date]


def _fixed(month: int, day: int) -> Rule:
    return lambda year: date(year, month, day)


def _nth_weekday(month: int, nth: int, weekday: int) -> Rule:
    def rule(year: int) -> date:
        if nth > 0:
            first = date(year, month, 1)
            ahead = (weekday - first.weekday()) % 7
            return first + timedelta(days=ahead + 7 * (nth - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return rule


def _from_easter(days: int) -> Rule:
    return lambda year: easter(year) + timedelta(days=days)


def _after(rule: Rule, days: int) -> Rule:
    return lambda year: rule(year) + timedelta(days=days)


_THANKSGIVING = _nth_weekday(11, 4, 3)
_S = r"(?:'?s)?"  # "new year's", "new years", "new year"
HOLIDAYS: dict[str, Rule] = {
    r"christmas\s+eve|xmas\s+eve": _fixed(12, 24),
    r"christmas(?:\s+day)?|xmas(?:\s+day)?": _fixed(12, 25),
    r"boxing\s+day": _fixed(12, 26),
    rf"new\s+year{_S}\s+eve": _fixed(12, 31),
    rf"new\s+year{_S}(?:\s+day)?": _fixed(1, 1),
    rf"valentine{_S}(?:\s+day)?": _fixed(2, 14),
    r"halloween": _fixed(10, 31),
    rf"(?:st\.?|saint)\s+(?:patrick|paddy){_S}(?:\s+day)?": _fixed(3, 17),
    rf"april\s+fool{_S}(?:\s+day)?": _fixed(4, 1),
    r"earth\s+day": _fixed(4, 22),
    r"independence\s+day|(?:the\s+)?(?:4th|fourth)\s+of\s+july": _fixed(7, 4),
    r"veterans?'?\s+day": _fixed(11, 11),
    r"thanksgiving(?:\s+day)?": _THANKSGIVING,
    r"black\s+friday": _after(_THANKSGIVING, 1),
    r"cyber\s+monday": _after(_THANKSGIVING, 4),
    rf"mother{_S}\s+day": _nth_weekday(5, 2, 6),
    rf"father{_S}\s+day": _nth_weekday(6, 3, 6),
    r"memorial\s+day": _nth_weekday(5, -1, 0),
    r"labou?r\s+day": _nth_weekday(9, 1, 0),
    rf"(?:mlk|martin\s+luther\s+king{_S})(?:\s+jr\.?)?\s+day": _nth_weekday(1, 3, 0),
    rf"president{_S}\s+day": _nth_weekday(2, 3, 0),
    r"columbus\s+day": _nth_weekday(10, 2, 0),
    r"easter(?:\s+sunday)?": _from_easter(0),
    r"easter\s+mon(?:day)?": _from_easter(1),
    r"good\s+friday": _from_easter(-2),
    r"maundy\s+thursday": _from_easter(-3),
    r"palm\s+sunday": _from_easter(-7),
    r"ash\s+wednesday": _from_easter(-46),
    r"shrove\s+tuesday|pancake\s+day|mardi\s+gras": _from_easter(-47),
    r"ascension(?:\s+day)?": _from_easter(39),
    r"pentecost|whit\s*sunday": _from_easter(49),
    r"whit\s*monday": _from_easter(50),
}
_RULES = list(HOLIDAYS.values())
_MAY_FOLLOW = (
    r"(?:at|on|in|of|this|next|last|morning|afternoon|evening|night|and|or|to|"
    r"until|till|through|by|from|before|after|is|was|will|i|we|you|please)"
)
_NAMES = "|".join(f"(?P<h{i}>{pattern})" for i, pattern in enumerate(HOLIDAYS))
_PATTERN = re.compile(
    rf"\b(?:(?P<which>this|next|last|coming|upcoming)\s+)?(?:{_NAMES})\b"
    r"(?:\s+(?:of\s+)?(?:(?P<y>\d{4})\b|(?P<rel>this|next|last)\s+year\b))?"
    # "Christmas presents", "Easter eggs": a holiday before a noun names a thing.
    rf"(?!\s+(?!{_MAY_FOLLOW}\b)[a-z])",
    re.I,
)


def _holiday(match: re.Match[str], ctx: Context) -> Piece | None:
    index = next(
        int(name[1:])
        for name, value in match.groupdict().items()
        if value and name[0] == "h"
    )
    rule = _RULES[index]
    year = ctx.today.year
    if match["y"] or match["rel"]:
        step = {"next": 1, "last": -1}.get((match["rel"] or "").lower(), 0)
        year = int(match["y"]) if match["y"] else year + step
        return _piece(match, rule, year)
    if (match["which"] or "").lower() == "last":
        found = rule(year)
        return _piece(match, rule, year if found < ctx.today else year - 1)
    found = rule(year)
    return _piece(match, rule, year if found >= ctx.today else year + 1)


def _piece(match: re.Match[str], rule: Rule, year: int) -> Piece | None:
    try:
        day = rule(year)
    except (ValueError, OverflowError):
        return None
    return Piece(match.start(), match.end(), day)


RULES = [(_PATTERN, _holiday)]
