"""Talk that is not about the user's own data: moods, remarks about the assistant,
musings and world-knowledge questions, and fragments too short to act on.

A second brain answers questions from what the user stored. A question that names
neither the user ("my", "I", "we") nor anything they keep (tasks, lists, the
calendar) cannot be answered from their data, so it is either conversation with
the assistant or a fact to look up somewhere else.
"""

import re

from .verbs import ACTION_VERBS, CLAUSE_WORDS, OTHER_VERBS

_GREETING_LEAD = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|yo|so|well|oh|please|(?:can|could|would|will)\s+you)"
    r"[\s,!]+)+",
    re.I,
)
# How the user's day went or how they feel: a short, kind reply, nothing to keep.
_MOOD = re.compile(
    r"\b(?:(?:a|such\s+a)\s+(?:bad|good|great|rough|long|terrible|awful|lovely|"
    r"wonderful|hard|tough|horrible|fantastic)\s+day|my\s+day\s+(?:was|is|has\s+been)|"
    r"(?:it|that|this)\s+feels?\s+(?:so\s+|really\s+|very\s+)?(?:good|great|bad|nice|"
    r"awful|amazing|weird)|i\s+missed\s+you|(?:are\s+)?you\s+there\W*$|"
    r"let'?s\s+(?:have\s+a\s+)?(?:chat|talk)|^talk\s+to\s+me\W*$|sweet\s+talk|"
    r"cheer\s+me\s+up|make\s+me\s+(?:smile|happy)|entertain\s+me)\b",
    re.I,
)
# Wishes and feedback about what the assistant can do ("I wish it could...").
_ABOUT_ASSISTANT = re.compile(
    r"^(?:i\s+wish\s+(?:it|you)|i\s+(?:would|'d)\s+like\s+(?:it|you)\s+to\s+(?:be|help)|"
    r"i\s+want\s+(?:it|you)\s+to\s+be\s+able|it\s+would\s+be\s+(?:\w+\s+)?(?:great|"
    r"nice|good|cool|helpful|awesome|useful)\s+if|(?:i\s+(?:would|'d)\s+like\s+)?"
    r"(?:it|you)\s+(?:should|could)\s+(?:be\s+able|learn|help))\b|\byourself\b|"
    # Feedback on an answer, and asking for advice rather than a stored fact.
    r"\byou\s+(?:wrote|left|said|forgot|missed|misunderstood|got\s+(?:it|that))\b|"
    r"^advise\b|\bgive\s+me\s+(?:some\s+)?advice\b",
    re.I,
)
_WH = re.compile(r"^(?:what|what's|whats|when|where|which|who|whose|why|how)\b", re.I)
_QUESTION_LEAD = re.compile(
    r"^(?:what|what's|whats|when|where|which|who|whose|why|how|is|are|was|were|will|"
    r"would|does|do|did|can|could|should|explain|describe|google|"
    r"tell\s+me\s+(?:about|what|who|where|when|why|how|which))\b",
    re.I,
)
_ASSISTANT = re.compile(r"\b(?:you|your|yours)\b", re.I)
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|i'd|i'll|my|mine|myself|we|we're|our|ours|us)\b", re.I
)
# What the user keeps, or occasions they would have on their calendar.
_KEPT = re.compile(
    r"\b(?:remind(?:er|ers)?|tasks?|to-?\s?dos?|lists?|notes?|calendar|agenda|diary|"
    r"schedule[ds]?|appointments?|meetings?|events?|plans?|due|overdue|deadlines?|"
    r"birthdays?|anniversar(?:y|ies)|class(?:es)?|lessons?|practice|part(?:y|ies)|"
    r"weddings?|marriage|dinner|lunch|breakfast|gala|venue|reunion|trip|flights?|"
    r"interview|exams?)\b",
    re.I,
)

# Musings and requests to talk something through: conversation, not a look-up.
_MUSING = re.compile(
    r"^(?:why|explain|describe|tell\s+me\s+about|will\s+there\s+be|when\s+will\s+the|"
    r"is\s+(?:this|that|it)\s+the|how\s+much\s+wood|what\s+if|what\s+is\s+the\s+meaning"
    r"\s+of\s+life|is\s+there\s+(?:a\s+)?god|do\s+aliens)\b",
    re.I,
)
# "Today I saw a bulldog", "I just cleaned my car": the user narrating their day.
_DIARY = re.compile(
    r"(?:^|\b(?:today|this\s+morning|tonight|earlier)\s+)i\s+(?:just\s+|finally\s+|"
    r"really\s+)?(?:had|saw|went|got|met|helped|cleaned|searched|ate|watched|visited|"
    r"tried|found|lost|bought|heard|played|walked|ran|cooked|woke|\w+ed)\b",
    re.I,
)
_DAY_MARK = re.compile(
    r"\b(?:today|this\s+morning|tonight|earlier|just|last\s+night|got\s+up|woke\s+up)\b",
    re.I,
)
# "Where is the wifi password?": a definite thing may well be in the user's notes;
# "where is yosemite", "which is the highest peak" are facts about the world.
_DEFINITE_THING = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?!(?:\w+est|most|least|best|worst|first|world|earth|difference|"
    r"meaning|history|population|capital)\b)[a-z]",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_DIGIT = re.compile(r"\d")
FRAGMENT_WORDS = 3
VERBLESS_WORDS = 8
_COURTESY = frozenset({"please", "pls", "thanks", "thank", "you", "ok", "okay"})


def bare(text: str) -> str:
    """The message without a greeting in front ("hey, how is your day")."""
    return _GREETING_LEAD.sub("", text.strip())


def is_mood_or_remark(text: str) -> bool:
    """How the user feels, or a remark about the assistant itself."""
    stripped = bare(text)
    return bool(_MOOD.search(stripped) or _ABOUT_ASSISTANT.search(stripped))


def is_question_to_assistant(text: str) -> bool:
    """A wh-question about the assistant ("who made you?"), not about the user."""
    stripped = bare(text)
    if not _WH.match(stripped) or not _ASSISTANT.search(stripped):
        return False
    return not names_user_data(_ASSISTANT.sub("", stripped))


def world_question(text: str) -> str | None:
    """'musing' or 'lookup' for a question not about the user's data, else None.

    "Why am I so tired?" and "explain tax to me" name the user but are still talk:
    only what the user keeps makes a musing a question about their data.
    """
    stripped = bare(text)
    if _MUSING.match(stripped):
        return None if names_kept_things(stripped) else "musing"
    if not _QUESTION_LEAD.match(stripped) or names_user_data(stripped):
        return None
    return None if _DEFINITE_THING.search(stripped) else "lookup"


def is_diary(text: str) -> bool:
    """A first-person, past-tense account of the user's day."""
    stripped = bare(text)
    return bool(_DIARY.search(stripped) and _DAY_MARK.search(stripped))


def fragment(text: str) -> bool:
    """Words with nothing to act on: "technology", "features of the new phone".

    A few words, or a short phrase without a single verb; a number in it (a code,
    an amount) makes it worth keeping as a note instead.
    """
    words = [w.lower() for w in _WORD.findall(text) if w.lower() not in _COURTESY]
    if not words or len(words) > VERBLESS_WORDS or _DIGIT.search(text):
        return False
    return len(words) <= FRAGMENT_WORDS or not any(map(_says_something, words))


def _says_something(word: str) -> bool:
    return (
        word in ACTION_VERBS
        or word in OTHER_VERBS
        or word in CLAUSE_WORDS
        or word.endswith(("'s", "'re", "'ve", "'d", "'ll", "n't"))
        or (word.endswith("ed") and len(word) > 4)
    )


def names_user_data(text: str) -> bool:
    """Whether the words mention the user or something they keep."""
    return bool(_FIRST_PERSON.search(text) or _KEPT.search(text))


def names_kept_things(text: str) -> bool:
    return bool(_KEPT.search(text))
