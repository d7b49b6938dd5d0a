from notetaker.assistant.summary import LINE_CHARS, MAX_CHARS, fold
from notetaker.engines.base import Turn


def test_fold_summary_adds_first_sentence_of_each_turn():
    turns = [
        Turn("user", "Book the venue  for Friday. It should seat forty."),
        Turn("assistant", "Added it to your tasks!"),
    ]

    summary = fold("user: an earlier line", turns)

    assert summary.splitlines() == [
        "user: an earlier line",
        "user: Book the venue for Friday.",
        "assistant: Added it to your tasks!",
    ]


def test_fold_summary_shortens_long_turns_on_a_word():
    long = "word " * 100

    (line,) = fold("", [Turn("user", long)]).splitlines()

    assert len(line) <= len("user: ") + LINE_CHARS + 1
    assert line.endswith("word…")


def test_fold_summary_drops_oldest_lines_past_limit():
    turns = [Turn("user", f"turn {i:03d} " + "x" * 100) for i in range(60)]

    summary = fold("", turns)

    assert len(summary) <= MAX_CHARS
    assert summary.splitlines()[-1].startswith("user: turn 059")
    assert "turn 000" not in summary
