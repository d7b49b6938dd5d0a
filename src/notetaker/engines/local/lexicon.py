"""Words for calendar units and numbers, shared by the date and recurrence rules."""

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "weds": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
    "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
    "eighteenth nineteenth"
).split()
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}


def _build_numbers() -> tuple[dict[str, int], dict[str, int]]:
    cardinals = {word: n for n, word in enumerate(_UNITS)}
    ordinals = {word: n for n, word in enumerate(_ORDINAL_UNITS)}
    cardinals |= _TENS
    ordinals |= _ORDINAL_TENS
    for tens_word, tens in _TENS.items():
        for unit in range(1, 10):
            for sep in ("-", " "):
                cardinals[f"{tens_word}{sep}{_UNITS[unit]}"] = tens + unit
                ordinals[f"{tens_word}{sep}{_ORDINAL_UNITS[unit]}"] = tens + unit
    return cardinals, ordinals


CARDINALS, ORDINALS = _build_numbers()
CARDINALS |= {"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2}
CARDINALS |= {"a few": 3, "few": 3, "several": 3, "half a": 0.5, "half an": 0.5}


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(word.replace(" ", r"\s+") for word in ordered)


WEEKDAY_RE = alternation(WEEKDAYS)
MONTH_RE = alternation(MONTHS)
CARDINAL_RE = alternation(CARDINALS)
ORDINAL_WORD_RE = alternation(ORDINALS)


def to_number(text: str) -> float | None:
    """A digit string, number word or ordinal ("3", "three", "3rd", "third")."""
    word = " ".join(text.lower().split())
    digits = word.rstrip("stndrh") if word[:1].isdigit() else word
    if digits.replace(".", "", 1).isdigit():
        return float(digits) if "." in digits else int(digits)
    return CARDINALS.get(word, ORDINALS.get(word))
