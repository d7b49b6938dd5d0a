"""A repeat rule (RFC 5545 RRULE body) in words: "every other Wednesday"."""

import re

from .lexicon import MONTH_NAMES, RRULE_DAYS, RRULE_FREQS, WEEKDAY_NAMES

_UNITS = {freq: unit for unit, freq in RRULE_FREQS.items()}
_DAY_NAMES = {
    code: name.title() for code, name in zip(RRULE_DAYS, WEEKDAY_NAMES, strict=True)
}
_WORKWEEK = list(RRULE_DAYS[:5])
_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_NTH_DAY = re.compile(rf"^(?P<n>[+-]?\d)?(?P<day>{'|'.join(RRULE_DAYS)})$")


def describe(rule: str) -> str:
    """The rule as a person would say it; "regularly" for one it cannot word."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    unit = _UNITS.get(parts.get("FREQ", ""))
    interval = parts.get("INTERVAL", "1")
    if unit is None or not interval.isdigit() or int(interval) < 1:
        return "regularly"
    every = _every(int(interval), unit)
    if "BYDAY" in parts:
        return _by_day(parts["BYDAY"].split(","), int(interval), every) or "regularly"
    if "BYMONTHDAY" in parts:
        days = _by_month_day(parts["BYMONTHDAY"], every) or "regularly"
        return _in_month(days, parts.get("BYMONTH", ""))
    return every


def _every(interval: int, unit: str) -> str:
    if interval == 1:
        return f"every {unit}"
    if interval == 2:
        return f"every other {unit}"
    return f"every {interval} {unit}s"


def _listed(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" and {words[-1]}"


def _by_day(codes: list[str], interval: int, every: str) -> str | None:
    found = [_NTH_DAY.match(code) for code in codes]
    if not all(found):
        return None
    if any(m["n"] for m in found):
        nths = [_NTH.get(int(m["n"] or 0)) for m in found]
        if not all(nths):
            return None
        days = [
            f"{nth} {_DAY_NAMES[m['day']]}" for nth, m in zip(nths, found, strict=True)
        ]
        return f"on the {_listed(days)} of {every}"
    days = [m["day"] for m in found]
    if days == _WORKWEEK:
        names = "weekday"
    else:
        names = _listed([_DAY_NAMES[d] for d in days])
    if interval == 1:
        return f"every {names}"
    if interval == 2:
        return f"every other {names}"
    return f"{every} on {names}"


def _by_month_day(days: str, every: str) -> str | None:
    texts = days.split(",")
    if not all(t.isdigit() or t == "-1" for t in texts):
        return None
    return f"{every} on the {_listed([_day_of_month(int(t)) for t in texts])}"


def _in_month(days: str, month: str) -> str:
    """ "every year on the 3rd" becomes "every year on the 3rd of March"."""
    if not month.isdigit() or not 1 <= int(month) <= 12 or days == "regularly":
        return days
    return f"{days} of {MONTH_NAMES[int(month) - 1].title()}"


def _day_of_month(number: int) -> str:
    if number == -1:
        return "last day"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"
