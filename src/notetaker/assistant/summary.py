"""A conversation's rolling summary: extractive, a line for each turn that left the
recent window, so that keeping it costs no model call and no extra statement."""

import re
from collections.abc import Sequence

from notetaker.engines.base import Turn

# About 500 tokens: the packer trims older lines further when the budget is tight.
MAX_CHARS = 2_000
LINE_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def fold(summary: str, turns: Sequence[Turn]) -> str:
    """`summary` with a line for each of `turns` (oldest first) added at its end;
    the oldest lines go once it is longer than MAX_CHARS."""
    lines = [*summary.splitlines(), *(_line(turn) for turn in turns)]
    kept: list[str] = []
    size = 0
    for line in reversed(lines):
        size += len(line) + 1
        if size > MAX_CHARS:
            break
        kept.append(line)
    return "\n".join(reversed(kept))


def _line(turn: Turn) -> str:
    text = " ".join(turn.content.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) > LINE_CHARS:
        first = first[:LINE_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{turn.role}: {first}"
