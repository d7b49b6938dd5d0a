"""Which kind of message this is, from its structure rather than single keywords."""

import re
from dataclasses import dataclass

from ..base import Intent
from .scope import is_out_of_scope
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
    tell tidy transfer update upload vacuum visit wash watch water write begin include
    mark remind notify alert ensure note
    """.split()
)
_TASK_TRIGGER = re.compile(
    r"^(?:(?:hey|hi|ok(?:ay)?|so|please|pls|can\s+you|could\s+you|would\s+you|"
    r"will\s+you|just)[\s,]+)*"
    r"(?:remind\b|let\s+me\s+know\s+(?:in|at|when|before|on|if|that)\b|"
    r"new\s+(?:list|reminder|task|event|to-?do)\b|remind\s+(?:my\s+)?\w+\s+(?:to|that|about|of)\b|"
    r"(?:i\s+(?:want|need|would\s+like)\s+to\s+)?be\s+reminded|"
    r"reminders?\s+(?:to|for|about|that|of)\b|(?:alert|notify|ping|nudge)\s+me\b|"
    r"set\s*up\s+(?:a\s+)?(?:\w+\s+)?reminders?|(?:add|create|set|make|put)\s+(?:a\s+|an\s+)?(?:new\s+)?"
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
# "Set up a reminder", "give me a notification": asking for a reminder, not a question.
_REMINDER_REQUEST = re.compile(
    r"^(?:(?:please|pls|can\s+you|could\s+you|will\s+you|would\s+you|i\s+want\s+to|"
    r"i\s+need\s+(?:you\s+)?to|i'd\s+like\s+(?:you\s+)?to)\s+)*"
    r"(?:set|set\s+up|create|make|add|give\s+me|send\s+me|schedule|put|book|i\s+need|"
    r"i\s+want|new)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:new\s+)?(?:\w+\s+)?"
    r"(?:reminders?|notifications?|alerts?|events?|meetings?|appointments?)\b",
    re.I,
)
# Asking to see the user's own data: "check my to do list", "I need to know how many".
_DATA_NOUNS = (
    r"reminders?|calendar|agenda|schedule|lists?|to-?\s?dos?|tasks?|events?|"
    r"meetings?|appointments?|plans?|notes?"
)
_DATA_REQUEST = re.compile(
    r"^(?:(?:please|pls|can\s+you|could\s+you|would\s+you)\s+)*(?:"
    r"(?:(?:i\s+(?:want|need|would\s+like)|i'd\s+like)\s+to\s+(?:know|see|hear)|show|"
    r"list|tell\s+me|let\s+me\s+(?:know|see|hear)|display|pull\s+up|recap|repeat)\b|"
    r"(?:check|read|open|view|give\s+me|go\s+over|look\s+at)\b"
    rf".*\b(?:{_DATA_NOUNS})\b)",
    re.I,
)
# Questions about using the assistant itself ("how do I delete a reminder?").
_HELP = re.compile(
    r"^(?:how\s+(?:do|can|would|should)\s+i|if\s+i|is\s+it\s+possible\s+to|"
    r"what\s+happens\s+if|can\s+you\s+help\s+me\s+with)\b.*"
    r"\b(?:reminders?|tasks?|notes?|lists?)\b",
    re.I,
)
# Talk addressed to the assistant or sharing a mood; nothing to keep.
_SMALL_TALK = re.compile(
    r"\b(?:jokes?|joking|funny|make\s+me\s+laugh|knock\s+knock|riddles?|giggle|"
    r"chit\s*chat)\b|"
    r"^(?:(?:do|are|have|did)\s+you|you\s+are|you're|how\s+about\s+you|"
    r"how\s+(?:are|is|has|was)\s+(?:you|your)\b|you\s+(?:look|"
    r"sound|seem)|what(?:'s|\s+is|\s+are)\s+your|how\s+old\s+are\s+you|"
    r"tell\s+me\s+(?:about\s+)?(?:yourself|something)|i\s+(?:love|hate|like|miss)\s+"
    r"(?:you|it|this|that|how)|i\s+(?:feel|am\s+feeling|'m\s+feeling)|"
    r"i(?:'m|\s+am)\s+(?:so\s+|very\s+|really\s+|a\s+bit\s+|feeling\s+)?(?:bored|tired|"
    r"sad|happy|lonely|hungry|sleepy|angry|stressed|excited|sick|fine|good|great|ok|"
    r"okay|upset|depressed|anxious|worried)\b)",
    re.I,
)
_POLITE_LEAD = re.compile(
    r"^(?:(?:please|pls|can\s+you|could\s+you|would\s+you|will\s+you|just|ok(?:ay)?|"
    r"so|hey|let's|do)[\s,]+)+",
    re.I,
)
# "Dinner at 8, will you remind me?": the request comes last.
_REMIND_ME = re.compile(
    r"\bremind\s+me\b(?!\s+(?:of|about)\s+(?:my|the)\s+\w+s\b)", re.I
)
_PAST = re.compile(
    r"\b(?:was|were|did|had|yesterday|last\s+(?:week|night|month|year)|ago)\b", re.I
)


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


def is_help(text: str) -> bool:
    return bool(_HELP.match(text.strip()))


def is_question(text: str) -> bool:
    stripped = text.strip()
    return bool(
        stripped.endswith("?")
        or _QUESTION_START.match(stripped)
        or _DATA_REQUEST.match(stripped)
    )


def classify(text: str, signals: Signals) -> tuple[Intent, str]:
    """The intent of a message and the reason, in words, for the thinking trace."""
    stripped = text.strip()
    if is_chit_chat(stripped):
        return Intent.CHIT_CHAT, "greeting, thanks or small talk"
    if signals.is_brain_dump:
        return Intent.BRAIN_DUMP, "several separate items in one long message"
    if is_help(stripped) or _SMALL_TALK.search(stripped):
        return Intent.CHIT_CHAT, "talk about the assistant or a mood, nothing to keep"
    asks_reminder = bool(_REMINDER_REQUEST.match(stripped))
    to_do = (
        asks_reminder
        or bool(_TASK_TRIGGER.match(stripped))
        or bool(_REMIND_ME.search(stripped))
    )
    if is_out_of_scope(stripped, to_do=to_do):
        return Intent.UNSUPPORTED, "a request for another app or device"
    if signals.is_update:
        return Intent.TASK_UPDATE, "refers to an open task and says how to change it"
    if _NOTE_TRIGGER.match(stripped):
        return Intent.NOTE, "marked as something to remember"
    if _DATA_REQUEST.match(stripped) and not asks_reminder:
        return Intent.QUESTION, "asks to see the user's own tasks or notes"
    if to_do:
        return Intent.TASK, "asks for a reminder or states something to do"
    if is_question(stripped):
        return Intent.QUESTION, "a question"
    if first_verb(_POLITE_LEAD.sub("", stripped)):
        return Intent.TASK, "starts with an action verb (imperative)"
    if signals.has_when and not _PAST.search(stripped):
        return Intent.TASK, "names something with a time to do it"
    return Intent.NOTE, "a statement of information"
