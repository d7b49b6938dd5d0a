import json

import pytest

from notetaker.engines.llm.reply_stream import ReplyStream

REPLY = 'Saved "Plan" \\ for Ana — ok 👍\nnext line'


@pytest.mark.parametrize("size", [1, 2, 3, 7, 100])
def test_stream_reply_text_from_chunks(size):
    answer = json.dumps({"reply": REPLY, "intent": "note", "notes": []})
    stream = ReplyStream()

    pieces = [stream.feed(answer[i : i + size]) for i in range(0, len(answer), size)]

    assert "".join(pieces) == REPLY
    assert stream.text == REPLY


def test_stream_reply_ignores_text_before_reply_key():
    stream = ReplyStream()

    assert stream.feed('{"intent": "task", "re') == ""
    assert stream.feed('ply": "Hi') == "Hi"
    assert stream.feed('!", "notes": ["x"]}') == "!"


def test_stream_reply_stops_on_malformed_escape():
    stream = ReplyStream()

    stream.feed('{"reply": "ok \\uZZZZ more"}')

    assert stream.text == "ok "
