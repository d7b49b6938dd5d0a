"""Several to-dos in one sentence, each with its own date: "remind me to call Ana
tomorrow and buy milk on Friday" is two tasks, not one due tomorrow."""

import re

from .dates import DateMatch
from .intents import first_verb

# What joins two clauses: "and", "and then", ", then", "; also".
_JOIN_WORD = r"(?:and\s+then|and\s+also|and|then|also|plus)\s+"
_JOIN = re.compile(rf"\s*[,;]\s*(?:{_JOIN_WORD})?|\s+{_JOIN_WORD}", re.I)
_TO = re.compile(r"(?:to|i\s+(?:need|have|must|should)\s+to|i\s+must)\s+", re.I)


def split_actions(text: str, dates: list[DateMatch]) -> list[str]:
    """The sentence's separate to-dos when each names its own date, else [text].

    A clause starts a new to-do only when it opens with an action verb after a
    joining word, between two dates: "buy bread and butter on Friday" or "call Ana
    and Bob tomorrow" stay one task.
    """
    parts: list[str] = []
    start = 0
    for before, after in zip(dates, dates[1:], strict=False):
        cut = _cut(text, before.end, after.start)
        if cut is not None:
            parts.append(text[start : cut[0]])
            start = cut[1]
    if not parts:
        return [text]
    return [*parts, text[start:]]


def _cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the join between two dated clauses is: its start and the clause's."""
    for join in _JOIN.finditer(text, start, end):
        lead = _TO.match(text, join.end())
        clause_start = lead.end() if lead else join.end()
        if first_verb(text[clause_start:end]):
            return join.start(), clause_start
    return None
