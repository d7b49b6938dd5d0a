"""Changes to existing tasks ("mark the dentist one done", "move the report to Monday")
and which open task the user means."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from ..base import TaskRef
from .durations import parse as parse_amount
from .lexicon import CARDINAL_RE, DETERMINERS
from .pieces import Amount
from .priority import level_pattern

MATCH_THRESHOLD = 0.6  # share of the reference words a title must cover
TIE_MARGIN = 0.05  # closer than this, two tasks match "equally well"
SIMILAR = 0.8  # spelling similarity at which two words count as the same

_PRIORITY_WORDS = rf"(?P<prio>{level_pattern(alone=True)})"
_POLITE = (
    r"^(?:(?:please|pls|ok(?:ay)?|so|nevermind|never\s+mind|actually|oh|wait|sorry|"
    r"can\s+you|could\s+you|"
    r"would\s+you|will\s+you|you\s+can|i\s+want\s+(?:you\s+)?to|i'd\s+like\s+(?:you\s+)?to|"
    r"i\s+need\s+(?:you\s+)?to|let's|go\s+ahead\s+and)[\s,]+)*"
)
_PLACES = r"calendar|list|wishlist|schedule|agenda|to-?\s?do\s+list|reminders"
_DONE = r"(?:done|complete(?:d)?|finished|ticked\s+off|checked\s+off)"
_PAST = (
    r"(?:\w+[^e\W]ed|paid|sent|bought|did|wrote|made|took|got|went|met|rang|sold|"
    r"gave|brought|read|built|found|left|put|set|told|spoke|ran|fed|cut)"
)
# Past forms a title says in the present: "I already paid the rent" is "Pay the rent".
_IRREGULAR_PAST = {
    "paid": "pay", "sent": "send", "bought": "buy", "did": "do", "done": "do",
    "wrote": "write", "written": "write", "made": "make", "took": "take",
    "taken": "take", "got": "get", "went": "go", "gone": "go", "met": "meet",
    "rang": "ring", "sold": "sell", "gave": "give", "given": "give",
    "brought": "bring", "built": "build", "found": "find", "left": "leave",
    "told": "tell", "spoke": "speak", "ran": "run", "fed": "feed",
}  # fmt: skip
_STATUS_WORDS = (
    r"(?P<status>in[\s-]progress|started|under\s+way|underway|ongoing|blocked|"
    r"on\s+hold|waiting|stuck|to-?\s?do|not\s+started|open)"
)
_STATUSES = {"blocked": "blocked", "on hold": "blocked", "waiting": "blocked"}
_STATUSES |= {"stuck": "blocked", "todo": "todo", "to-do": "todo", "to do": "todo"}
_STATUSES |= {"not started": "todo", "open": "todo"}
_PRIORITY_LEVEL = rf"(?P<prio>{level_pattern()})"
# A new time or day said on its own ("make the dentist 2pm", "make it Friday").
_BARE_WHEN = (
    r"(?P<when>(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)|\d{1,2}:\d{2}|noon|midnight|"
    r"today|tonight|tomorrow|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day)\b.*)"
)


@dataclass(frozen=True, slots=True)
class UpdateRequest:
    # complete | reopen | reschedule | delete | set_priority | set_status | edit |
    # snooze (a reschedule counted from now)
    action: str
    reference: str  # the words that name the task
    when: str | None = None  # the new date, for reschedule
    priority_words: str | None = None
    strong: bool = True  # False: the words also read as a new to-do ("cancel gym")
    offset: Amount | None = None  # reschedule relative to the current due date
    status: str | None = None  # for set_status: todo | in_progress | blocked


_AMOUNT = (
    rf"(?:\d+(?:\.\d+)?|{CARDINAL_RE}|an?|half\s+an?|(?:a\s+)?couple\s+(?:of\s+)?|"
    r"a\s+few)\s*(?:and\s+a\s+half\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"fortnights?|months?|years?)"
)


# "Push the report back two days", "postpone the dentist by a week", "move the
# call forward an hour": a move by an amount, from the task's own due date.
_SHIFT = re.compile(
    _POLITE + r"(?P<verb>move|push|postpone|delay|shift|bump|defer|put\s+off|bring|"
    r"pull)\s+(?:(?P<dir0>back|forward)\s+)?(?P<ref>.+?)"
    r"(?<!\sin)(?<!\sfor)(?<!\swithin)(?<!\safter)\s+"
    r"(?:(?P<dir>back|forward|later|earlier|out)\s+)?(?:by\s+)?(?:another\s+|"
    rf"an\s+extra\s+)?(?P<amount>{_AMOUNT})"
    r"(?:\s+(?P<dir2>back|forward|later|earlier|out))?\W*$",
    re.I,
)
# "Actually make the dentist 2pm", "make it Friday": a new time or day for a task
# named in a few words (longer, it is a new to-do: "make my calendar remind me...").
_RETIME = re.compile(
    _POLITE
    + r"(?:make|have)\s+(?P<ref>(?:the|my|our|that|this|it)\b(?:\s+[\w'-]+){0,4}?)"
    rf"\s+(?:(?:at|for|on|to)\s+)?{_BARE_WHEN}$",
    re.I,
)
# "Snooze the report for two hours", "snooze the dentist": later, counted from now.
_SNOOZE = re.compile(
    _POLITE + r"snooze\s+(?P<ref>.+?)(?:\s+(?:for|by)\s+(?:another\s+)?"
    rf"(?P<amount>{_AMOUNT}))?\W*$",
    re.I,
)
_EARLIER = frozenset({"forward", "earlier", "bring", "pull"})

# A cheap test on the lower-cased message before a costly form is tried: forms whose
# task reference is a lazy ".+?" scan every position of a message that fails them.
Guard = Callable[[str], bool]
_STATUS_ENDINGS = (
    "progress", "started", "way", "underway", "ongoing", "blocked", "hold",
    "waiting", "stuck", "do", "todo", "open",
)  # fmt: skip


def _says_priority(lowered: str) -> bool:
    return "priority" in lowered


def _ends_with_status(lowered: str) -> bool:
    return lowered.rstrip(" .!?").endswith(_STATUS_ENDINGS)


_FORMS: list[tuple[re.Pattern[str], str, bool, Guard | None]] = [
    (
        re.compile(
            _POLITE + r"(?:don'?t|do\s+not|dont|no\s+need\s+to|stop|quit)\s+"
            r"(?:remind(?:ing)?|nag(?:ging)?|alert(?:ing)?)\s+me\s+(?:any\s*more\s+)?"
            r"(?:to|about|of)\s+(?P<ref>.+?)(?:\s+any\s*more)?\W*$",
            re.I,
        ),
        "delete",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:change|set|update|make|raise|lower|bump|put)\s+(?:up\s+)?"
            r"(?:the\s+)?priority\s+(?:of|for|on)\s+(?P<ref>.+?)\s+(?:to|as|at)\s+"
            rf"(?:a\s+)?{_PRIORITY_LEVEL}\W*$",
            re.I,
        ),
        "set_priority",
        True,
        _says_priority,
    ),
    (
        re.compile(
            _POLITE + r"(?:change|set|update|make|raise|lower)\s+(?P<ref>.+?)(?:'s|s')?"
            rf"\s+priority\s+(?:to|as|at)\s+(?:a\s+)?{_PRIORITY_LEVEL}\W*$",
            re.I,
        ),
        "set_priority",
        True,
        _says_priority,
    ),
    (
        re.compile(
            _POLITE + r"(?:mark|set|flag|move|put|change)\s+(?P<ref>.+?)\s+"
            rf"(?:(?:as|to)\s+(?:be\s+)?)?{_STATUS_WORDS}\W*$",
            re.I,
        ),
        "set_status",
        True,
        _ends_with_status,
    ),
    (
        re.compile(
            r"^i(?:'ve|\s+have)?\s+(?:just\s+|now\s+)?(?:started|begun|began)\s+"
            r"(?:on\s+|working\s+on\s+)?(?P<ref>.+)",
            re.I,
        ),
        "set_status",
        False,
        None,
    ),
    (
        re.compile(
            _POLITE + r"snooze\s+(?P<ref>.+?)\s+(?:until|till|til|to)\s+(?P<when>.+)",
            re.I,
        ),
        "snooze",
        False,
        None,
    ),
    (
        re.compile(
            _POLITE + rf"(?:make|mark|set|flag)\s+(?P<ref>.+?)\s+(?:as\s+)?"
            rf"(?:(?:a|to)\s+)?{_PRIORITY_WORDS}\W*$",
            re.I,
        ),
        "set_priority",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:re-?open|undo|uncheck|unmark|un-?complete)\s+(?P<ref>.+)",
            re.I,
        ),
        "reopen",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?P<ref>.+?)\s+(?:is|isn't|wasn't)\s+not\s+" + _DONE, re.I
        ),
        "reopen",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + rf"(?:mark|set|tick|check|cross)\s+(?:off\s+)?(?P<ref>.+?)"
            rf"\s+(?:as\s+)?(?:{_DONE}|off)\W*$",
            re.I,
        ),
        "complete",
        True,
        None,
    ),
    (
        re.compile(_POLITE + r"(?:tick|check|cross)\s+off\s+(?P<ref>.+)", re.I),
        "complete",
        True,
        None,
    ),
    (
        re.compile(
            r"^(?:i'?m\s+|i\s+am\s+|i've\s+|i\s+have\s+|just\s+)?(?:all\s+)?"
            r"(?:done|finished)\s+(?:with\s+)?(?P<ref>.+)",
            re.I,
        ),
        "complete",
        True,
        None,
    ),
    # "I finished the report": weak, as it may tell of the day ("I finished my book",
    # so "my" is no sign of a task here); the verb stays out of the reference, as no
    # title says it ("Write the report").
    (
        re.compile(
            r"^i\s+(?:(?:just|already|finally)\s+)*(?:finished|completed)\s+"
            r"(?:with\s+)?(?:(?:all|my|our)\s+)*(?P<ref>.+)",
            re.I,
        ),
        "complete",
        False,
        None,
    ),
    (
        re.compile(
            rf"^(?P<ref>.+?)\s+(?:is|are)\s+(?:all\s+)?(?:now\s+)?{_DONE}\W*$", re.I
        ),
        "complete",
        True,
        None,
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
        None,
    ),
    # "Reschedule my meeting": a move without a date; the reply asks for one.
    (
        re.compile(_POLITE + r"(?:reschedule|postpone|re-?book)\s+(?P<ref>.+)", re.I),
        "reschedule",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:delete|remove|erase|clear|wipe|get\s+rid\s+of|"
            r"shut\s+off|turn\s+off|stop)\s+(?P<ref>.+)",
            re.I,
        ),
        "delete",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:trash|bin|ditch|scratch|strike|throw\s+(?:away|out)|"
            r"take(?=\s.+\s(?:off|out\s+of|from)\b)(?:\s+out|\s+off)?)\s+(?P<ref>.+)",
            re.I,
        ),
        "delete",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:clean|clear|empty|wipe)\s+(?:out\s+)?"
            rf"(?P<ref>(?:my|the|our)\s+(?:\w+\s+)?(?:{_PLACES}))\b",
            re.I,
        ),
        "delete",
        True,
        None,
    ),
    (
        re.compile(
            r"^i\s+(?:don't|do\s+not)\s+(?:need|want)\s+(?P<ref>(?:the|my|that|this)\s+.+)",
            re.I,
        ),
        "delete",
        True,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:cancel|drop|scrap|forget\s+about|call\s+off)\s+(?P<ref>.+)",
            re.I,
        ),
        "delete",
        False,
        None,
    ),
    (
        re.compile(
            _POLITE + r"(?:change|update|modify|edit|adjust|amend|reset|rename)\s+"
            # "update my grocery list with milk" adds to the list, it edits no task.
            rf"(?!(?:my|the|our)\s+(?:\w+\s+)?(?:{_PLACES})\s+with\b)(?P<ref>.+)",
            re.I,
        ),
        "edit",
        True,
        None,
    ),
    (
        re.compile(_POLITE + r"(?:complete|finish)\s+(?P<ref>.+)", re.I),
        "complete",
        False,
        None,
    ),
    (
        re.compile(
            rf"^i(?:'ve|\s+have)?\s+(?:(?:just|already|finally)\s+)*(?P<ref>{_PAST}\b.+)",
            re.I,
        ),
        "complete",
        False,
        None,
    ),
]
_TASK_WORDS = re.compile(
    r"\b(?:task|to-?do|reminder|item|one|meeting|appointment|event|alert|plan|"
    r"calendar|list|breakfast|lunch|dinner|party|class|lesson|session|booking|"
    r"reservation)s?\b|^(?:my|our|all|every|the\s+next|next|tonight'?s|"
    r"today'?s|tomorrow'?s)\b",
    re.I,
)
# "In my calendar, delete the golf events": where, said first.
_PLACE_FIRST = re.compile(
    rf"^(?:on|in|from)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:{_PLACES}|to-?\s?dos)\s*,?\s*",
    re.I,
)
_POLITE_END = re.compile(r"[\s,]+(?:please|pls|thanks|thank\s+you)\W*$", re.I)
# "Cancel dinner tonight": a dated thing to call off is already on the calendar.
_DATED = re.compile(
    r"\b(?:tonight|today|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)
_LATE_REQUEST = re.compile(
    r"(?:[\w,;.]\s+(?:can|could|would|will)\s+you\s+|\bthen\s+)(?:please\s+)?"
    r"(?P<ask>(?:remove|delete|cancel|move|postpone|push|mark|reschedule|update|"
    r"change)\b.+)$",
    re.I,
)
# "My dentist reminder should be moved to Friday", "I want the gym alerts stopped":
# the task first, then the state it should be in.
_WANTED_STATE = re.compile(
    r"^(?P<want>i\s+(?:need|want|would\s+like|'d\s+like)\s+)?(?P<ref>(?:my|the|our|"
    r"that|this)\s+.+?)\s+(?:(?P<modal>(?:should|needs?\s+to|has\s+to|must|is\s+to)"
    r"\s+be\s+|to\s+be\s+)(?P<at>(?:on|at|for|in)\s+.+?)\W*$|(?P<modal2>(?:should|"
    r"needs?\s+to|has\s+to|must|is\s+to)\s+be\s+|to\s+be\s+)?(?P<verb>changed|moved|"
    r"updated|rescheduled|pushed(?:\s+back)?|postponed|shifted|stopped|cancell?ed|"
    r"deleted|removed)(?:\s+(?:to|till|until|for)\b)?(?:\s+(?P<when>.+?))?\W*$)",
    re.I,
)
_STATE_ACTIONS = {"stopped": "delete", "cancelled": "delete", "canceled": "delete"}
_STATE_ACTIONS |= {"deleted": "delete", "removed": "delete"}
# A task named by a word that points back ("move it", "mark that one done").
_PRONOUN = re.compile(
    r"^(?:it|that|this|them|those|that\s+one|this\s+one|that\s+task|this\s+task|"
    r"the\s+last\s+one|that\s+reminder|this\s+reminder)$",
    re.I,
)
# Where the task lives, not what it is: "remove X from my calendar".
_FROM_PLACE = re.compile(
    rf"\s+(?:from|off|on|in|out\s+of)\s+(?:my\s+|the\s+)?(?:\w+\s+)?(?:{_PLACES})\b.*$",
    re.I,
)
_STOP = DETERMINERS | frozenset(
    """it one task tasks todo to-do reminder item thing about for to of on in at with
    and or please me i we is are was be as""".split()
)
_TOKEN = re.compile(r"[^\W_]+", re.U)


def is_pronoun(reference: str) -> bool:
    return bool(_PRONOUN.match(reference.strip()))


def parse_update(text: str) -> UpdateRequest | None:
    """The change a message asks for, if it has the shape of an update."""
    stripped = _POLITE_END.sub("", _PLACE_FIRST.sub("", text.strip()))
    request = _LATE_REQUEST.search(stripped)
    if request:
        # "The shop was out of stock, can you delete the flour one": the ask is last,
        # and "it" in it is what was said first ("my gym reminder, can you move it").
        found = _form_request(request["ask"])
        preamble = stripped[: request.start()].strip(" ,;.")
        if found and is_pronoun(found.reference) and preamble:
            return replace(found, reference=preamble)
        return found
    return _form_request(stripped)


def _form_request(stripped: str) -> UpdateRequest | None:
    shift = _shift_request(stripped)
    if shift is not None:
        return shift
    wanted = _wanted_state(stripped)
    if wanted is not None:
        return wanted
    retime = _RETIME.match(stripped)
    if retime is not None:
        # Weak unless it says "it": a change only if an open task fits.
        strong = is_pronoun(retime["ref"])
        return UpdateRequest("reschedule", retime["ref"], retime["when"], strong=strong)
    lowered = stripped.lower()
    for pattern, action, strong, guard in _FORMS:
        match = None if guard and not guard(lowered) else pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        strong = strong or bool(
            _TASK_WORDS.search(groups["ref"])
            or (action == "delete" and _DATED.search(groups["ref"]))
        )
        return UpdateRequest(
            action,
            _FROM_PLACE.sub("", groups["ref"]).strip(" .!?,") or groups["ref"],
            groups.get("when"),
            groups.get("prio"),
            strong,
            status=_status(groups.get("status")) if action == "set_status" else None,
        )
    return _snooze_request(stripped)


def _status(words: str | None) -> str:
    lowered = " ".join((words or "").lower().split())
    return _STATUSES.get(lowered, "in_progress")


def _snooze_request(text: str) -> UpdateRequest | None:
    match = _SNOOZE.match(text)
    if match is None:
        return None
    amount = parse_amount(match["amount"]) if match["amount"] else None
    reference = _FROM_PLACE.sub("", match["ref"]).strip(" .!?,") or match["ref"]
    return UpdateRequest("snooze", reference, offset=amount, strong=False)


def _wanted_state(text: str) -> UpdateRequest | None:
    match = _WANTED_STATE.match(text)
    if match is None or not (match["want"] or match["modal"] or match["modal2"]):
        return None
    reference = _FROM_PLACE.sub("", match["ref"]).strip(" .!?,") or match["ref"]
    if match["at"]:
        return UpdateRequest("reschedule", reference, match["at"])
    verb = match["verb"].lower()
    action = _STATE_ACTIONS.get(verb) or ("reschedule" if match["when"] else "edit")
    when = match["when"] if action == "reschedule" else None
    return UpdateRequest(action, reference, when)


def _shift_request(text: str) -> UpdateRequest | None:
    match = _SHIFT.match(text)
    amount = parse_amount(match["amount"]) if match else None
    if match is None or amount is None:
        return None
    direction = (
        match["dir0"] or match["dir"] or match["dir2"] or match["verb"]
    ).lower()
    if direction in _EARLIER:
        amount = -amount
    reference = _FROM_PLACE.sub("", match["ref"]).strip(" .!?,") or match["ref"]
    return UpdateRequest("reschedule", reference, offset=amount)


def stem(word: str) -> str:
    """A crude stem so "called", "calls" and "calling" meet "call"."""
    word = word.lower()
    if word in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[word]
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _TOKEN.findall(text) if w.lower() not in _STOP]


def _word_score(word: str, title_words: Sequence[str]) -> float:
    if word in title_words:
        return 1.0
    return max((_similarity(word, t) for t in title_words), default=0.0)


@lru_cache(maxsize=8192)
def _similarity(word: str, other: str) -> float:
    """Spelling similarity of two words, 0 below 0.8 ("dentist" vs "dentst")."""
    # Two words of very different lengths cannot reach 0.8; skip the costly match.
    if 2 * min(len(word), len(other)) < SIMILAR * (len(word) + len(other)):
        return 0.0
    matcher = SequenceMatcher(None, word, other)
    if matcher.quick_ratio() < SIMILAR:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= SIMILAR else 0.0


def score(reference: str, title: str) -> float:
    """How well a task title fits the reference, 0 to 1.

    Mostly how much of the reference the title covers; a little of how much of the
    title the reference covers, so "the dentist appointment" prefers "Dentist
    appointment" to "Call the dentist".
    """
    return _fit(content_words(reference), _title_words(title))


@lru_cache(maxsize=4096)
def _title_words(title: str) -> tuple[str, ...]:
    # Open task titles come back with every message; their words are read once.
    return tuple(content_words(title))


def _fit(words: Sequence[str], title_words: Sequence[str]) -> float:
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
    words = content_words(reference)
    scores = {task.id: _fit(words, _title_words(task.title)) for task in tasks}
    ranked = sorted(tasks, key=lambda t: scores[t.id], reverse=True)
    if not ranked or scores[ranked[0].id] < MATCH_THRESHOLD:
        return TaskMatch(None, (), scores)
    top = scores[ranked[0].id]
    tied = tuple(t for t in ranked if top - scores[t.id] < TIE_MARGIN)
    return TaskMatch(ranked[0] if len(tied) == 1 else None, tied, scores)
