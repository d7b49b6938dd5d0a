"""Words for calendar units and numbers, shared by the date and recurrence rules."""

# Full names in calendar order; the short forms people write map to the same index.
WEEKDAY_NAMES = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
)  # fmt: skip
WEEKDAYS = {name: n for n, name in enumerate(WEEKDAY_NAMES)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
    "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# A calendar unit and the RRULE frequency that repeats every one of it.
RRULE_FREQS = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
MONTHS = {name: n for n, name in enumerate(MONTH_NAMES, start=1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Words that open a noun phrase: "the", "my", "those".
DETERMINERS = frozenset(
    "a an the this that these those my our your his her their its".split()
)

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


def weekday_number(word: str) -> int:
    """Monday 0 to Sunday 6, for a name the rules matched ("Tues.", "friday")."""
    return WEEKDAYS[word.lower().rstrip(".")]


def month_number(word: str) -> int:
    """January 1 to December 12, for a name the rules matched ("Sept.", "may")."""
    return MONTHS[word.lower().rstrip(".")]


def to_number(text: str) -> float | None:
    """A digit string, number word or ordinal ("3", "three", "3rd", "third")."""
    word = " ".join(text.lower().split())
    digits = word.rstrip("stndrh") if word[:1].isdigit() else word
    if digits.replace(".", "", 1).isdigit():
        return float(digits) if "." in digits else int(digits)
    return CARDINALS.get(word, ORDINALS.get(word))
