"""Priority words ("p1", "urgent", "when I get a chance") and #tags in a message."""

import re
from dataclasses import dataclass

DEFAULT_PRIORITY = 4
MEDIUM_PRIORITY = 3

# A priority named in a change ("set its priority to high"); the words that say
# one on their own, in any message, are the rules below.
PRIORITY_NAMES = {
    "urgent": 1,
    "top": 1,
    "top priority": 1,
    "highest": 1,
    "important": 2,
    "high": 2,
    "high priority": 2,
    "medium": 3,
    "medium priority": 3,
    "normal": 3,
    "low": 4,
    "lowest": 4,
    "low priority": 4,
    "not urgent": 4,
}

# Earlier rules win: "not urgent" must be read before "urgent".
_RULES: list[tuple[re.Pattern[str], int | None]] = [
    (re.compile(r"(?<![\w-])(?:p|prio(?:rity)?\s*)([1-4])\b", re.I), None),
    (
        re.compile(
            r",?\s*\b(?:it'?s\s+|this\s+is\s+|it\s+is\s+)?(?:not\s+urgent|no\s+rush|"
            r"low[\s-]prio(?:rity)?|when(?:ever)?\s+i\s+(?:get|have)\s+(?:a\s+)?"
            r"(?:chance|time|a\s+minute|a\s+moment)|some\s*day|eventually)\b",
            re.I,
        ),
        4,
    ),
    (
        re.compile(
            r",?\s*\b(?:it'?s\s+|this\s+is\s+|it\s+is\s+)?(?:very\s+|super\s+|really\s+)?"
            r"(?:urgent(?:ly)?|asap|a\.s\.a\.p\.?|critical|top[\s-]priority|"
            r"highest[\s-]priority)\b",
            re.I,
        ),
        1,
    ),
    (re.compile(r"!{3,}"), 1),
    (
        re.compile(
            r",?\s*\b(?:it'?s\s+|this\s+is\s+|it\s+is\s+)?(?:very\s+|really\s+)?"
            r"(?:important|high[\s-]prio(?:rity)?)\b",
            re.I,
        ),
        2,
    ),
    (re.compile(r"!!"), 2),
    (re.compile(r",?\s*\b(?:medium|normal)[\s-]prio(?:rity)?\b", re.I), 3),
]
_ALONE = ("urgent", "important")  # single words that name a level on their own
# "asap: fix the tap", "low priority - tidy the garage": a priority, then the to-do.
_LEAD_END = re.compile(r"\s*[:\-–]\s*")
_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")


@dataclass(frozen=True, slots=True)
class Marks:
    priority: int
    spans: list[tuple[int, int]]  # where priority words and tags were, for titles
    tags: list[str]


def find_marks(text: str) -> Marks:
    """The priority (1 highest, 4 none) and tags a message states."""
    priority, spans = find_priority(text)
    tags = list(dict.fromkeys(m[1].lower() for m in _TAG.finditer(text)))
    spans += [m.span() for m in _TAG.finditer(text)]
    return Marks(priority or DEFAULT_PRIORITY, sorted(spans), tags)


def find_priority(text: str) -> tuple[int | None, list[tuple[int, int]]]:
    """The first priority the text states, if any, and where its words are."""
    priority: int | None = None
    spans: list[tuple[int, int]] = []
    for pattern, value in _RULES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            spans.append(match.span())
            found = value if value is not None else int(match[1])
            priority = found if priority is None else priority
    return priority, spans


def level_named(words: str) -> int:
    """The priority a change names: "high", "p2", "priority 3", "not urgent"."""
    lowered = " ".join(words.lower().split()).removeprefix("priority ")
    if lowered in PRIORITY_NAMES:
        return PRIORITY_NAMES[lowered]
    if lowered.isdigit() and 1 <= int(lowered) <= 4:
        return int(lowered)
    return find_marks(lowered).priority


def level_pattern(*, alone: bool = False) -> str:
    """A regex for a name of a priority level, to read it in a change. `alone`:
    only names that are a priority without the word before them: "make it urgent"
    or "p2", but not "make it high" or "make it 2"."""
    names = [n for n in PRIORITY_NAMES if not alone or n in _ALONE or " " in n]
    names.sort(key=len, reverse=True)
    numbers = r"p[1-4]|priority\s+[1-4]" if alone else r"p?[1-4]|priority\s+[1-4]"
    return "|".join(n.replace(" ", r"[\s-]+") for n in names) + "|" + numbers


def without_lead(text: str) -> str:
    """The text after a priority said first and set off ("asap: fix the tap")."""
    _, spans = find_priority(text)
    start, end = min(spans, default=(0, 0))
    lead_end = _LEAD_END.match(text, end) if spans else None
    if lead_end is None or text[:start].strip():
        return text
    return text[lead_end.end() :]
