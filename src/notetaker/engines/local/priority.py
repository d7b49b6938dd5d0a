"""Priority words ("p1", "urgent", "when I get a chance") and #tags in a message."""

import re
from dataclasses import dataclass

DEFAULT_PRIORITY = 4

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
_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")


@dataclass(frozen=True, slots=True)
class Marks:
    priority: int
    spans: list[tuple[int, int]]  # where priority words and tags were, for titles
    tags: list[str]


def find_marks(text: str) -> Marks:
    """The priority (1 highest, 4 none) and tags a message states."""
    priority: int | None = None
    spans: list[tuple[int, int]] = []
    for pattern, value in _RULES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            spans.append(match.span())
            found = value if value is not None else int(match[1])
            priority = found if priority is None else priority
    tags = list(dict.fromkeys(m[1].lower() for m in _TAG.finditer(text)))
    spans += [m.span() for m in _TAG.finditer(text)]
    return Marks(priority or DEFAULT_PRIORITY, sorted(spans), tags)
