"""Changes to existing tasks ("mark the dentist one done", "move the report to Monday")
and which open task the user means."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..base import TaskRef

MATCH_THRESHOLD = 0.6  # share of the reference words a title must cover
TIE_MARGIN = 0.05  # closer than this, two tasks match "equally well"

_PRIORITY_WORDS = (
    r"(?P<prio>urgent|important|high[\s-]priority|low[\s-]priority|not\s+urgent|"
    r"p[1-4]|priority\s+[1-4]|top\s+priority)"
)
_POLITE = (
    r"^(?:(?:please|pls|ok(?:ay)?|so|nevermind|never\s+mind|can\s+you|could\s+you|"
    r"would\s+you|will\s+you|you\s+can|i\s+want\s+(?:you\s+)?to|i'd\s+like\s+(?:you\s+)?to|"
    r"i\s+need\s+(?:you\s+)?to|let's|go\s+ahead\s+and)[\s,]+)*"
)
_DONE = r"(?:done|complete(?:d)?|finished|ticked\s+off|checked\s+off)"
_PAST = (
    r"(?:\w+[^e\W]ed|paid|sent|bought|did|wrote|made|took|got|went|met|rang|sold|"
    r"gave|brought|read|built|found|left|put|set|told|spoke|ran|fed|cut)"
)


@dataclass(frozen=True, slots=True)
class UpdateRequest:
    action: str  # complete | reopen | reschedule | delete | set_priority | edit
    reference: str  # the words that name the task
    when: str | None = None  # the new date, for reschedule
    priority_words: str | None = None
    strong: bool = True  # False: the words also read as a new to-do ("cancel gym")


_FORMS: list[tuple[re.Pattern[str], str, bool]] = [
    (
        re.compile(
            _POLITE + rf"(?:make|mark|set|flag)\s+(?P<ref>.+?)\s+(?:as\s+)?"
            rf"(?:(?:a|to)\s+)?{_PRIORITY_WORDS}\W*$",
            re.I,
        ),
        "set_priority",
        True,
    ),
    (
        re.compile(
            _POLITE + r"(?:re-?open|undo|uncheck|unmark|un-?complete)\s+(?P<ref>.+)",
            re.I,
        ),
        "reopen",
        True,
    ),
    (
        re.compile(
            _POLITE + r"(?P<ref>.+?)\s+(?:is|isn't|wasn't)\s+not\s+" + _DONE, re.I
        ),
        "reopen",
        True,
    ),
    (
        re.compile(
            _POLITE + rf"(?:mark|set|tick|check|cross)\s+(?:off\s+)?(?P<ref>.+?)"
            rf"\s+(?:as\s+)?(?:{_DONE}|off)\W*$",
            re.I,
        ),
        "complete",
        True,
    ),
    (
        re.compile(_POLITE + r"(?:tick|check|cross)\s+off\s+(?P<ref>.+)", re.I),
        "complete",
        True,
    ),
    (
        re.compile(
            r"^(?:i'?m\s+|i\s+am\s+|i've\s+|i\s+have\s+|just\s+)?(?:all\s+)?"
            r"(?:done|finished)\s+(?:with\s+)?(?P<ref>.+)",
            re.I,
        ),
        "complete",
        True,
    ),
    (
        re.compile(
            rf"^(?P<ref>.+?)\s+(?:is|are)\s+(?:all\s+)?(?:now\s+)?{_DONE}\W*$", re.I
        ),
        "complete",
        True,
    ),
    (
        re.compile(
            _POLITE + r"(?:move|push(?:\s+back)?|postpone|reschedule|delay|shift|"
            r"bump|defer|change)\s+(?P<ref>.+?)\s+(?:back\s+)?(?:to|till|until|for|"
            r"by|into)\s+(?P<when>.+)",
            re.I,
        ),
        "reschedule",
        True,
    ),
    (
        re.compile(
            _POLITE + r"(?:delete|remove|erase|clear|wipe|get\s+rid\s+of|"
            r"shut\s+off|turn\s+off|stop)\s+(?P<ref>.+)",
            re.I,
        ),
        "delete",
        True,
    ),
    (
        re.compile(
            r"^i\s+(?:don't|do\s+not)\s+(?:need|want)\s+(?P<ref>(?:the|my|that|this)\s+.+)",
            re.I,
        ),
        "delete",
        True,
    ),
    (
        re.compile(
            _POLITE + r"(?:cancel|drop|scrap|forget\s+about|call\s+off)\s+(?P<ref>.+)",
            re.I,
        ),
        "delete",
        False,
    ),
    (
        re.compile(
            _POLITE + r"(?:change|update|modify|edit|adjust|amend|reset|rename)\s+"
            r"(?P<ref>.+)",
            re.I,
        ),
        "edit",
        True,
    ),
    (
        re.compile(_POLITE + r"(?:complete|finish)\s+(?P<ref>.+)", re.I),
        "complete",
        False,
    ),
    (
        re.compile(
            rf"^i\s+(?:have\s+|'ve\s+|just\s+|already\s+|finally\s+)*(?P<ref>{_PAST}\b.+)",
            re.I,
        ),
        "complete",
        False,
    ),
]
_TASK_WORDS = re.compile(
    r"\b(?:task|to-?do|reminder|item|one|meeting|appointment|event|alert|plan|"
    r"calendar|list)s?\b|^(?:my|our|all|every|the\s+next|next|tonight'?s|"
    r"today'?s|tomorrow'?s)\b",
    re.I,
)
# Where the task lives, not what it is: "remove X from my calendar".
_FROM_PLACE = re.compile(
    r"\s+(?:from|off|on|in)\s+(?:my\s+|the\s+)?(?:\w+\s+)?(?:calendar|list|schedule|"
    r"reminders|agenda|to-?\s?do\s+list)\b.*$",
    re.I,
)
_STOP = frozenset(
    """a an the my our your this that these those it its one task tasks todo to-do
    reminder item thing about for to of on in at with and or please me i we is are
    was be as""".split()
)
_TOKEN = re.compile(r"[^\W_]+", re.U)


def parse_update(text: str) -> UpdateRequest | None:
    """The change a message asks for, if it has the shape of an update."""
    stripped = text.strip()
    for pattern, action, strong in _FORMS:
        match = pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        strong = strong or bool(_TASK_WORDS.search(groups["ref"]))
        return UpdateRequest(
            action,
            _FROM_PLACE.sub("", groups["ref"]).strip(" .!?,") or groups["ref"],
            groups.get("when"),
            groups.get("prio"),
            strong,
        )
    return None


def stem(word: str) -> str:
    """A crude stem so "called", "calls" and "calling" meet "call"."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _TOKEN.findall(text) if w.lower() not in _STOP]


def _word_score(word: str, title_words: list[str]) -> float:
    if word in title_words:
        return 1.0
    best = max((SequenceMatcher(None, word, t).ratio() for t in title_words), default=0)
    return best if best >= 0.8 else 0.0


def score(reference: str, title: str) -> float:
    """How well a task title fits the reference, 0 to 1.

    Mostly how much of the reference the title covers; a little of how much of the
    title the reference covers, so "the dentist appointment" prefers "Dentist
    appointment" to "Call the dentist".
    """
    words, title_words = content_words(reference), content_words(title)
    if not words or not title_words:
        return 0.0
    covered = sum(_word_score(w, title_words) for w in words) / len(words)
    covering = sum(_word_score(t, words) for t in title_words) / len(title_words)
    return 0.9 * covered + 0.1 * covering


@dataclass(frozen=True, slots=True)
class TaskMatch:
    best: TaskRef | None
    tied: tuple[TaskRef, ...]  # more than one: ask which one
    scores: dict[int, float]

    def scores_above(self, threshold: float) -> bool:
        return any(value >= threshold for value in self.scores.values())


def match_task(reference: str, tasks: tuple[TaskRef, ...]) -> TaskMatch:
    """The open task the reference names, the tasks it fits equally, or none."""
    scores = {task.id: score(reference, task.title) for task in tasks}
    ranked = sorted(tasks, key=lambda t: scores[t.id], reverse=True)
    if not ranked or scores[ranked[0].id] < MATCH_THRESHOLD:
        return TaskMatch(None, (), scores)
    top = scores[ranked[0].id]
    tied = tuple(t for t in ranked if top - scores[t.id] < TIE_MARGIN)
    return TaskMatch(ranked[0] if len(tied) == 1 else None, tied, scores)
