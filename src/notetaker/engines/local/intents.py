"""Which kind of message this is, from its structure rather than single keywords."""

import re
from dataclasses import dataclass

from ..base import Intent
from .titles import strip_filler

# Verbs people open a to-do with; a message starting with one is an imperative.
ACTION_VERBS = frozenset(
    """
    add answer apply arrange ask attend back bake book bring buy call cancel change
    charge check clean clear collect complete confirm contact cook copy create
    deliver deploy design do download draft drop email e-mail empty feed file fill
    find finish fix follow get give go grab hand have help hire install invite
    iron join learn leave make meet message move order organise organize pack paint
    pay phone pick plan post prepare print publish put read rebook record register
    remove renew rent repair reply reschedule reserve return review ring run schedule
    sell send set share ship shop sign sort start study submit take talk test text
    tell tidy transfer update upload vacuum visit wash watch water write
    """.split()
)
_TASK_TRIGGER = re.compile(
    r"^(?:(?:hey|hi|ok(?:ay)?|so|please|pls|can\s+you|could\s+you|would\s+you)[\s,]+)*"
    r"(?:remind\s+me|(?:add|create|set|make|put)\s+(?:a\s+|an\s+)?(?:new\s+)?"
    r"(?:task|to-?do|reminder)|(?:new\s+)?(?:task|to-?do)\s*:|"
    r"(?:i|we)\s+(?:really\s+|still\s+|also\s+)?(?:need|have|got|ought)\s+to\b|"
    r"(?:i|we)\s+(?:really\s+|still\s+)?(?:must|should|gotta)\b|"
    r"(?:don'?t|do\s+not|dont)\s+(?:let\s+me\s+)?forget|remember\s+to\b|"
    r"make\s+sure\b|need\s+to\b|have\s+to\b|gotta\b|must\b)",
    re.I,
)
_NOTE_TRIGGER = re.compile(
    r"^(?:note|idea|fyi|for\s+the\s+record|remember\s+that|note\s+that|"
    r"keep\s+in\s+mind|just\s+so\s+you\s+know|reminder\s+that)\b\s*[:,-]?",
    re.I,
)
_QUESTION_START = re.compile(
    r"^(?:what|what's|whats|when|where|which|who|why|how|is|are|am|do|does|did|"
    r"have|has|any|anything|show|list|find|search|tell\s+me|give\s+me)\b",
    re.I,
)
_CHIT_CHAT = re.compile(
    r"^(?:hi|hello|hey|hiya|yo|howdy|good\s+(?:morning|afternoon|evening|night)|"
    r"thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?|thx|ty|cheers|great|cool|nice|"
    r"awesome|ok(?:ay)?|k|sure|yes|yep|no|nope|lol|haha+|bye|goodbye|see\s+you|"
    r"how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how's\s+it\s+going|what's\s+up|sup|"
    r"who\s+are\s+you|what\s+can\s+you\s+do|good\s+job|well\s+done|perfect|"
    r"you(?:'re|\s+are)\s+(?:great|awesome|the\s+best))"
    r"(?:[\s,]+(?:there|buddy|friend|again|a\s+lot|mate))*[\s!.?:)(\-\U0001F300-\U0001FAFF]*$",
    re.I,
)
_COPULA = re.compile(r"\b(?:is|are|was|were|'s|has|have\s+been)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True, slots=True)
class Signals:
    """What the engine found in a message, the evidence for its intent."""

    has_when: bool  # a due date, time or recurrence
    is_update: bool  # an update form that refers to an open task
    is_brain_dump: bool


def first_verb(text: str) -> str | None:
    """The first word, if it is one of the verbs a to-do starts with."""
    word = _WORD.match(text.strip())
    if word is None:
        return None
    lowered = word[0].lower()
    return lowered if lowered in ACTION_VERBS else None


def is_task_like(text: str) -> bool:
    return bool(_TASK_TRIGGER.match(text.strip()) or first_verb(strip_filler(text)))


def is_chit_chat(text: str) -> bool:
    return not _WORD.search(text) or bool(_CHIT_CHAT.match(text.strip()))


def classify(text: str, signals: Signals) -> tuple[Intent, str]:
    """The intent of a message and the reason, in words, for the thinking trace."""
    stripped = text.strip()
    if is_chit_chat(stripped):
        return Intent.CHIT_CHAT, "greeting, thanks or small talk"
    if signals.is_brain_dump:
        return Intent.BRAIN_DUMP, "several separate items in one long message"
    if signals.is_update:
        return Intent.TASK_UPDATE, "refers to an open task and says how to change it"
    if _NOTE_TRIGGER.match(stripped):
        return Intent.NOTE, "marked as something to remember"
    if _TASK_TRIGGER.match(stripped):
        return Intent.TASK, "asks for a reminder or states something to do"
    if stripped.endswith("?") or _QUESTION_START.match(stripped):
        return Intent.QUESTION, "a question"
    if first_verb(stripped):
        return Intent.TASK, "starts with an action verb (imperative)"
    if signals.has_when and not _COPULA.search(stripped):
        return Intent.TASK, "names something with a time to do it"
    return Intent.NOTE, "a statement of information"
