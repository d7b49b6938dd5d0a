"""Task and note titles: the action itself, without filler, dates or priority words."""

import re

MAX_TITLE = 200

_FILLER = re.compile(
    r"^(?:(?:hey|hi|hello|ok(?:ay)?|so|and|also|oh|um+|please|pls|plz|kindly|"
    r"can\s+you|could\s+you|would\s+you|will\s+you|would\s+you\s+mind)\b[\s,]*|"
    r"(?:(?:please\s+)?(?:add|create|make|set(?:\s*up)?|setup|put|schedule|send|give)\s+"
    r"(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:(?:daily|weekly|monthly|yearly|"
    r"annual|recurring|repeating|quick)\s+)?(?:task|to-?do|reminder|item|alert|"
    r"notification)s?\b\s*(?:(?:for|to)\s+(?:me|us)\b\s*)?(?:that\s+tells\s+me\s+)?"
    r"(?:(?:to|for|about|of|regarding|that|:)\s*)?)|"
    r"(?:(?:new\s+)?(?:task|to-?do|reminder)\s*:\s*)|"
    r"(?:(?:send|give)\s+(?:an?\s+)?(?:reminder|alert)\s+to\s+\w+\s+)|"
    r"(?:(?:remind|alert|notify)\s+(?:me|us)\s+(?:(?:daily|weekly|monthly|again|later)\s+)?"
    r"(?:to|that\s+i\s+(?:need|have|must|should)\s+to|about|that|of|with\s+a\s+"
    r"reminder\s+about)\s+)|"
    r"(?:(?:i\s+(?:want|need|would\s+like)\s+to\s+)?be\s+reminded\s+(?:to|about|of|that)\s+)|"
    r"(?:to|for|about|regarding)\s+|"
    r"(?:(?:i|we)\s+(?:really\s+|still\s+|also\s+)?(?:need|have|got|ought|want)\s+to\s+)|"
    r"(?:(?:i|we)\s+(?:really\s+|still\s+|also\s+)?(?:must|should|gotta|'ll|will)\s+)|"
    r"(?:(?:i|we)'(?:ve|d)\s+(?:got|better)\s+(?:to\s+)?)|"
    r"(?:need\s+to|have\s+to|got\s+to|gotta|must)\s+|"
    r"(?:(?:don'?t|do\s+not|dont)\s+(?:let\s+me\s+)?forget\s+(?:to\s+|about\s+)?)|"
    r"(?:remember\s+to\s+)|(?:make\s+sure\s+(?:to\s+|i\s+|that\s+i\s+)?)|"
    r"(?:to-?do\s*:?\s+)|(?:(?:let\s+me\s+know|tell\s+me)\s+(?:to\s+|that\s+)?)|"
    r"(?:let\s+me\s+))+",
    re.I,
)
# A preposition left dangling where a date was cut out ("buy a gift for").
_DANGLING_END = re.compile(
    r"(?:[\s,]+(?:for|on|at|by|due|before|until|till|from|this|next|every|in|"
    r"and|or|it'?s|that|to|starting|the))+[\s,]*$",
    re.I,
)
_TRAILING = re.compile(
    r"[\s,;:.!?\-–]+(?:(?:please|pls|thanks|thank\s+you)[\s.!]*)?$", re.I
)
# Brackets whose words were cut out as a date or priority: "(urgent)".
_EMPTY_BRACKETS = re.compile(r"[(\[{][\s,;:.\-–]*[)\]}]")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def strip_filler(text: str) -> str:
    """Text without the leading "remind me to", "please", "I need to" and the like."""
    return _FILLER.sub("", text.strip(), count=1)


def cut_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span removed, and any preposition left hanging before it."""
    pieces: list[str] = []
    last = 0
    for start, end in _merged(spans):
        if start < last:
            continue
        pieces.append(_DANGLING_END.sub("", text[last:start]))
        last = end
    pieces.append(text[last:])
    return " ".join(pieces)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def tidy(text: str) -> str:
    """A title from leftover words: one-spaced, no trailing filler, capitalised."""
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip(" ,;:-–")
    for _ in range(3):
        text = _TRAILING.sub("", _DANGLING_END.sub("", text))
    text = strip_filler(text).strip(" ,;:-–\"'")
    if len(text) > MAX_TITLE:
        text = text[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


# "Dinner at 8, will you remind me?": the request for a reminder, after the task.
_TRAILING_REQUEST = re.compile(
    r"\s*(?:[,.;]|\band\b)\s*(?:(?:can|could|will|would)\s+you\s+|please\s+|and\s+)?"
    r"(?:remind|alert|notify|ping)\s+(?:me|him|her|them|us)\b.*$",
    re.I | re.S,
)


def task_title(text: str, spans: list[tuple[int, int]]) -> str:
    """ "remind me to call the dentist next Friday" → "Call the dentist"."""
    request = _TRAILING_REQUEST.search(text)
    if request and request.start() > 0:
        text = text[: request.start()]
        spans = [(s, min(e, len(text))) for s, e in spans if s < len(text)]
    stripped = strip_filler(text)
    offset = len(text) - len(text.lstrip()) + (len(text.strip()) - len(stripped))
    shifted = [(max(0, s - offset), max(0, e - offset)) for s, e in spans if e > offset]
    return tidy(cut_spans(stripped, shifted))
