"""Which kind of message this is, from its structure rather than single keywords."""

import re
from dataclasses import dataclass

from ..base import Intent
from . import chatter
from .priority import without_lead
from .scope import is_out_of_scope
from .titles import strip_filler
from .verbs import ACTION_VERBS

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
    r"^(?:what|what's|whats|when|where|which|who|why|how|at\s+what|is|are|am|do|does|did|"
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
    r"^(?:(?:please|pls|can\s+you|could\s+you|would\s+you|let's|lets|hey|hi|ok|okay|"
    r"just)\s+)*(?:"
    r"(?:(?:i\s+(?:want|need|would\s+like)|i'd\s+like)\s+to\s+(?:know|see|hear)|show|"
    r"list|tell\s+me(?!\s+when\b)|let\s+me\s+(?:know|see|hear)(?!\s+(?:in|at|when|"
    r"before|on|if|that)\b)|display|pull\s+up|recap|repeat|(?:did|have|had)\s+i|"
    r"remind\s+me\s+(?:of\s+)?(?:how\s+many|what|which|who|where))\b|"
    r"(?:check|read|open|view|give\s+me|go\s+(?:over|through)|look\s+at|recite|say|"
    r"run\s+through|inform\s+me|tell|(?:i\s+)?need\s+to\s+(?:check|see|review)|"
    r"(?:more\s+)?information)\b"
    rf".*\b(?:{_DATA_NOUNS})\b|"
    # A bare plural naming the user's data: "meetings from 3 to 5", "my reminders".
    r"(?:my\s+|all\s+|upcoming\s+|recent\s+|pending\s+|next\s+|today'?s\s+|"
    r"tomorrow'?s\s+)*(?:\w+\s+)?(?:meetings|events|reminders|appointments|tasks|"
    r"plans)\b(?!\s+(?:to|that|for\s+me\s+to)\b)(?!.*\b(?:remind|add|set|create)\b))",
    re.I,
)
# A question inside a longer message: "in March, how many meetings did I have".
_ASKS_ABOUT_DATA = re.compile(
    rf"\b(?:how\s+many|what|which)\s+(?:\w+\s+)?(?:{_DATA_NOUNS})\s+(?:did|do|have|"
    r"are|were|occurred|happened|took\s+place)\b",
    re.I,
)
# A booking asked for mid-sentence: "... can you please set up a meeting with her",
# "put the fair in my calendar".
_BOOKING = re.compile(
    r"\b(?:set\s+up|schedule|book|arrange)\s+(?:a|an)\s+(?:\w+\s+)?(?:meeting|"
    r"appointment|call|event|session)\b|\b(?:add|adding|put|putting|mention|enter|"
    r"log)\b(?:\s+\w+){0,4}?\s+(?:in|on|to|into)\s+(?:(?:my|your|the)\s+)?calendar\b",
    re.I,
)
# "Tell me when the meeting starts": a request to be notified, so a reminder; "tell
# me when the meeting is" asks for a fact.
_NOTIFY_WHEN = re.compile(
    r"^(?:please\s+)?(?:tell|let)\s+me\s+(?:know\s+)?when\b(?!.*\b(?:is|are)\W*$)",
    re.I,
)
# "Give me the scores in an hour": something to be told later is a reminder.
_TELL_LATER = re.compile(
    r"^(?:please\s+)?(?:give|tell|send|show)\s+me\b.*\bin\s+(?:\w+\s+){1,2}"
    r"(?:minutes?|mins?|hours?|days?)\b",
    re.I,
)
# "I need to ask you something": a to-do addressed to the assistant is the talk itself.
_ASKS_ASSISTANT = re.compile(
    r"^(?:i|we)\s+(?:need|want|have|would\s+like)\s+to\s+(?:ask|tell)\s+you\b", re.I
)
# "Do add this": an emphatic imperative, not a yes/no question.
_EMPHATIC_DO = re.compile(r"^do\s+(?=\w+)", re.I)
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
    r"(?:you\b|(?:it|this|that)\W*$|how)|i\s+(?:feel|am\s+feeling|'m\s+feeling)|"
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
    r"\b(?:remind|notify|alert)\s+me\b(?!\s+(?:of|about)\s+(?:my|the)\s+\w+s\b)", re.I
)
_PAST = re.compile(
    r"\b(?:was|were|did|had|yesterday|last\s+(?:week|night|month|year)|ago)\b", re.I
)
# "Ideas for the party: balloons, cake, karaoke": a heading, then items after a colon
# (not the one inside a time, "10:30").
_HEADED_LIST = re.compile(r"^(?P<heading>[^:,\n]+?)\s*(?<!\d):(?!\d)(?P<items>.+,.+)$")


@dataclass(frozen=True, slots=True)
class Signals:
    """What the engine found in a message, the evidence for its intent."""

    has_when: bool  # a due date, time or recurrence
    is_update: bool  # an update form that refers to an open task
    is_brain_dump: bool
    # "Snooze the report" names an open task: it is about the report, not about a
    # device's snooze button.
    snoozes_task: bool = False


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
    if _EMPHATIC_DO.match(stripped) and first_verb(_EMPHATIC_DO.sub("", stripped)):
        return False
    return bool(
        stripped.endswith("?")
        or _QUESTION_START.match(stripped)
        or _DATA_REQUEST.match(stripped)
        or _ASKS_ABOUT_DATA.search(stripped)
    )


def classify(text: str, signals: Signals) -> tuple[Intent, str]:
    """The intent of a message and the reason, in words, for the thinking trace."""
    stripped = text.strip()
    if is_chit_chat(stripped):
        return Intent.CHIT_CHAT, "greeting, thanks or small talk"
    if signals.is_brain_dump:
        return Intent.BRAIN_DUMP, "several separate items in one long message"
    if is_help(stripped) or _is_small_talk(stripped):
        return Intent.CHIT_CHAT, "talk about the assistant or a mood, nothing to keep"
    asks_reminder = bool(_REMINDER_REQUEST.match(stripped))
    to_do = (
        asks_reminder
        or bool(_TASK_TRIGGER.match(stripped))
        or bool(_REMIND_ME.search(stripped))
        or bool(_NOTIFY_WHEN.match(stripped))
        or bool(_BOOKING.search(stripped))
        or bool(_TELL_LATER.match(stripped))
    )
    if not to_do and chatter.is_mood_or_remark(stripped):
        return Intent.CHIT_CHAT, "a mood or a remark about the assistant"
    if is_out_of_scope(stripped, to_do=to_do or signals.snoozes_task):
        return Intent.UNSUPPORTED, "a request for another app or device"
    if signals.is_update:
        return Intent.TASK_UPDATE, "refers to an open task and says how to change it"
    if _NOTE_TRIGGER.match(stripped):
        return Intent.NOTE, "marked as something to remember"
    if not to_do and chatter.is_question_to_assistant(stripped):
        return Intent.CHIT_CHAT, "a question to the assistant about itself"
    world = None if to_do or signals.has_when else chatter.world_question(stripped)
    if world == "musing":
        return Intent.CHIT_CHAT, "a musing, not about the user's data"
    if world == "lookup" and is_question(stripped):
        return Intent.UNSUPPORTED, "a general-knowledge question, not the user's data"
    if _DATA_REQUEST.match(stripped) and not (
        asks_reminder or _NOTIFY_WHEN.match(stripped)
    ):
        return Intent.QUESTION, "asks to see the user's own tasks or notes"
    if _ASKS_ASSISTANT.match(stripped):
        return Intent.CHIT_CHAT, "talk addressed to the assistant itself"
    if to_do:
        return Intent.TASK, "asks for a reminder or states something to do"
    if is_question(stripped):
        return Intent.QUESTION, "a question"
    if chatter.is_diary(stripped):
        return Intent.CHIT_CHAT, "the user telling about their day: offer to note it"
    if first_verb(_POLITE_LEAD.sub("", without_lead(stripped))):
        return Intent.TASK, "starts with an action verb (imperative)"
    if signals.has_when and not _PAST.search(stripped):
        return Intent.TASK, "names something with a time to do it"
    if headed_list(stripped):
        return Intent.NOTE, "a heading and a list of items to keep"
    if chatter.fragment(stripped):
        return _fragment_intent(stripped)
    return Intent.NOTE, "a statement of information"


def headed_list(text: str) -> tuple[str, list[str]] | None:
    """The heading and the items of a line that lists things after a colon."""
    match = _HEADED_LIST.match(text.strip())
    if match is None:
        return None
    items = [item.strip(" .!") for item in match["items"].split(",")]
    items = [item for item in items if item]
    return (match["heading"].strip(), items) if len(items) > 1 else None


def _is_small_talk(text: str) -> bool:
    bare = chatter.bare(text)
    return bool(_SMALL_TALK.search(bare)) and not chatter.names_kept_things(bare)


def _fragment_intent(text: str) -> tuple[Intent, str]:
    # Too little to store: a few words naming the user's data read as a search,
    # anything else gets a question back rather than a junk note.
    if chatter.names_kept_things(text):
        return Intent.QUESTION, "a few words naming something the user keeps"
    return Intent.CHIT_CHAT, "a few words with nothing to act on: ask what to do"
