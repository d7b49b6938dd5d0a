"""Which model size a message deserves: small for a quick capture, large otherwise."""

import re
from dataclasses import dataclass
from typing import Literal

from ..base import ThinkingStep
from .tokens import TokenCounter

Size = Literal["small", "large"]

_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:what|when|which|who|where|why|how|do|does|did|is|are|can|could"
    r"|should|show|list|find|tell)\b",
    re.I,
)
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.M)


@dataclass(frozen=True, slots=True)
class Route:
    size: Size
    reason: str
    tokens: int
    lines: int

    def step(self) -> ThinkingStep:
        label = f"Routed to the {self.size} model: {self.reason}"
        detail: dict[str, object] = {
            "size": self.size,
            "reason": self.reason,
            "tokens": self.tokens,
            "lines": self.lines,
        }
        return ThinkingStep(kind="route", label=label, detail=detail)


@dataclass(frozen=True, slots=True)
class Router:
    counter: TokenCounter
    large_tokens: int
    large_lines: int

    def decide(self, text: str) -> Route:
        tokens = self.counter.count(text)
        lines = sum(1 for line in text.splitlines() if line.strip())
        items = len(_ITEM.findall(text))
        if lines >= self.large_lines or items >= self.large_lines:
            return Route(
                "large", f"brain dump ({max(lines, items)} lines)", tokens, lines
            )
        if tokens >= self.large_tokens:
            return Route("large", f"long message ({tokens} tokens)", tokens, lines)
        if _QUESTION.search(text):
            return Route("large", "question", tokens, lines)
        return Route("small", f"simple capture ({tokens} tokens)", tokens, lines)
