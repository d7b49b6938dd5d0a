"""Undo what transcription and tokenisers do to a message before rules read it.

Voice transcripts start with the assistant's name ("alexa, ...") and tokenised text
has spaces inside words ("I ' d", "7 : 30 p . m ."); the rules expect neither.
"""

import re

_WAKE_WORD = re.compile(
    r"^\s*(?:(?:hey|ok(?:ay)?|hi)\s+)?(?:olly|alexa|siri|google|cortana|bixby|"
    r"assistant|android|computer)\b[\s,:]*",
    re.I,
)
_TRAILING_WAKE_WORD = re.compile(
    r"[\s,]+(?:olly|alexa|siri|cortana|bixby)[\s.!?]*$", re.I
)
_SPLIT_APOSTROPHE = re.compile(r"(?<=\w) ' (?=\w)|(?<=\w) '(?=(?:s|t|d|ll|re|ve|m)\b)")
_SPLIT_COLON = re.compile(r"(?<=\d) : (?=\d)")
_SPLIT_MERIDIEM = re.compile(r"\b([ap]) ?\. ?m\b ?\.?", re.I)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.?!;:](?:\s|$))")


def normalise(text: str) -> str:
    """The message as a person would have typed it; meaning is untouched."""
    text = _WAKE_WORD.sub("", text, count=1)
    text = _TRAILING_WAKE_WORD.sub("", text)
    text = _SPLIT_APOSTROPHE.sub("'", text)
    text = _SPLIT_COLON.sub(":", text)
    text = _SPLIT_MERIDIEM.sub(lambda m: m[1] + "m", text)
    return _SPACE_BEFORE_PUNCT.sub("", text)
