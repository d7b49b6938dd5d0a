"""The "reply" string of a JSON answer, decoded while the answer is still arriving."""

import json
import re

_START = re.compile(r'"reply"\s*:\s*"')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r"}
_ESCAPES["t"] = "\t"


class ReplyStream:
    """Feed it the answer's text chunk by chunk; it returns the new reply text."""

    def __init__(self) -> None:
        self._buffer = ""
        self._position: int | None = None  # next undecoded character of the reply
        self._done = False
        self.text = ""

    def feed(self, chunk: str) -> str:
        self._buffer += chunk
        if self._done:
            return ""
        if self._position is None and not self._find_start():
            return ""
        decoded = self._decode()
        self.text += decoded
        return decoded

    def _find_start(self) -> bool:
        match = _START.search(self._buffer)
        if match is not None:
            self._position = match.end()
        return match is not None

    def _decode(self) -> str:
        out: list[str] = []
        buffer, i = self._buffer, self._position
        while i < len(buffer):
            char = buffer[i]
            if char == '"':
                self._done = True
                break
            if char != "\\":
                out.append(char)
                i += 1
                continue
            try:
                decoded, width = _escape(buffer, i)
            except ValueError:  # not JSON: the whole answer will fail validation
                self._done = True
                break
            if width == 0:
                break  # the escape is cut by the chunk boundary; wait for more
            out.append(decoded)
            i += width
        self._position = i
        return "".join(out)


def _escape(buffer: str, i: int) -> tuple[str, int]:
    if i + 1 >= len(buffer):
        return "", 0
    kind = buffer[i + 1]
    if kind != "u":
        return _ESCAPES.get(kind, kind), 2
    if i + 6 > len(buffer):
        return "", 0
    # A surrogate pair needs both halves before it can be decoded.
    if 0xD800 <= int(buffer[i + 2 : i + 6], 16) < 0xDC00:
        if i + 12 > len(buffer):
            return "", 0
        return json.loads(f'"{buffer[i : i + 12]}"'), 12
    return json.loads(f'"{buffer[i : i + 6]}"'), 6
