"""Questions about the user's own notes and tasks, as a query the orchestrator runs."""

import re
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from ..base import QuestionQuery
from .dates import DateMatch, at
from .priority import MEDIUM_PRIORITY, find_priority
from .updates import content_words

_OVERDUE = re.compile(r"\b(?:overdue|late|missed|past\s+due|behind)\b", re.I)
_OPEN_TASKS = re.compile(
    r"\b(?:(?:my|open|all|the|any|list)\s+"
    r"(?:tasks|to-?dos|to-?do\s+list|list|reminders)|"
    r"on\s+my\s+(?:plate|list)|what(?:'s|\s+is)\s+left|"
    r"what\s+(?:open\s+|pending\s+)?(?:tasks|to-?dos|reminders)\s+"
    r"(?:do\s+i\s+have|have\s+i\s+got|are\s+(?:open|left|pending))|"
    r"how\s+many\s+(?:open\s+|pending\s+|unfinished\s+)?(?:tasks|to-?dos|reminders|"
    r"things\s+(?:to\s+do|on\s+my\s+list))|"
    r"what\s+(?:do|should)\s+i\s+(?:need\s+to\s+|have\s+to\s+)?do)\b",
    re.I,
)
# The whole question is for the user's notes, with no topic ("list my notes").
_NOTES = re.compile(
    r"^(?:(?:can\s+you\s+|please\s+)?(?:list|show(?:\s+me)?|give\s+me|see)\s+"
    r"(?:all\s+)?(?:of\s+)?(?:my|the)|what\s+are\s+my|what|how\s+many)\s+"
    r"(?:recent\s+|latest\s+|saved\s+)?notes(?:\s+(?:do|have)\s+i\s+"
    r"(?:have|got|saved|written|taken))?\W*$",
    re.I,
)
_HOW_MANY = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b", re.I)
_ABOUT_TASKS = re.compile(
    r"\b(?:due|have|got|scheduled|planned|plan|agenda|tasks?|to-?dos?|on|happening|"
    r"coming\s+up|need\s+to\s+do)\b",
    re.I,
)
_SCAFFOLD = re.compile(
    r"^(?:what|where|when|who|how|which|why)(?:'s|\s+is|\s+are|\s+was|\s+were|\s+did|"
    r"\s+do|\s+does)?\s+(?:i|we|my)?\s*(?:(?:notes?|noted|write|wrote|save|saved|"
    r"say|said|decide|decided|know|have|put|keep|store|stored|think)\b)?\s*"
    r"(?:down\s+)?"
    r"(?:about|on|regarding|re|for)?\s*|"
    r"^(?:find|search(?:\s+for)?|show\s+me|tell\s+me\s+about|look\s+up|anything\s+about)"
    r"\s+(?:my\s+)?(?:notes?\s+(?:about|on)\s+)?",
    re.I,
)
_NOISE = frozenset(
    "what where when who how which why do did does have know note noted notes wrote "
    "write say said decide decided anything something".split()
)


def parse_question(text: str, dates: list[DateMatch], now: datetime) -> QuestionQuery:
    """The query behind a question: what is due when, overdue, open, the notes, or a
    search; "how many" asks for the number rather than the list, and priority words
    keep the tasks at that priority ("my low priority tasks") or above ("my urgent
    tasks")."""
    if _NOTES.match(text.strip()):
        return QuestionQuery(kind="notes", count=bool(_HOW_MANY.search(text)))
    priority, spans = find_priority(text)
    query = _query(_without(text, spans), dates, now, ranked=priority is not None)
    if query.kind == "search":  # the priority words are the topic's own
        return _query(text, dates, now)
    if priority is not None:
        query = query.model_copy(update=_levels(priority))
    if _HOW_MANY.search(text):
        return query.model_copy(update={"count": True})
    return query


def _levels(priority: int) -> dict[str, int]:
    """The levels asked for: urgent ones with anything more urgent still, but
    "medium" and "low priority tasks" at that level alone, without the urgent ones."""
    if priority < MEDIUM_PRIORITY:
        return {"priority": priority}
    return {"priority": priority, "priority_or_lower": priority}


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]} {text[end:]}"
    return text


def _query(
    text: str, dates: list[DateMatch], now: datetime, *, ranked: bool = False
) -> QuestionQuery:
    """`ranked`: the question named a priority, which only tasks have, so with no
    other topic ("anything urgent today?") it is about tasks."""
    if _OVERDUE.search(text):
        return QuestionQuery(kind="overdue")
    when = next((d for d in dates if d.kind != "interval" or d.end_value), None)
    if when and (ranked or _ABOUT_TASKS.search(text)):
        return _window(when, now)
    if _OPEN_TASKS.search(text) or (ranked and not _topic_words(_core(text))):
        return QuestionQuery(kind="open_tasks")
    return QuestionQuery(kind="search", text=_topic(text))


def _window(when: DateMatch, now: datetime) -> QuestionQuery:
    start = when.value
    if start.date() == now.date() and when.grain == "day" and when.kind == "instant":
        return QuestionQuery(kind="due_today")
    end = when.end_value if when.kind != "instant" else None
    if end is None or end <= start:
        end = at(start.date() + _grain_step(when.grain), time(), start.tzinfo)
    return QuestionQuery(kind="due_window", start=start, end=end)


def _grain_step(grain: str) -> timedelta | relativedelta:
    steps = {
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "quarter": relativedelta(months=3),
        "year": relativedelta(years=1),
    }
    return steps.get(grain, timedelta(days=1))


def _topic(text: str) -> str:
    core = _core(text)
    return " ".join(_topic_words(core)) or core or text.strip()


def _topic_words(core: str) -> list[str]:
    words = [w for w in core.split() if w.lower().strip("?.,!") not in _NOISE]
    return [w.strip("?.,!") for w in words if content_words(w)]


def _core(text: str) -> str:
    return _SCAFFOLD.sub("", text.strip(), count=1).strip(" ?.!")
