import json
from datetime import datetime

import pytest

from notetaker.evaluation import dates
from notetaker.evaluation.dates import Answer

REFERENCE = "2013-02-12T04:30:00-02:00"


def record(**fields) -> dict:
    base = {
        "id": "duckling-0001",
        "text": "tomorrow",
        "reference": REFERENCE,
        "expected": "2013-02-13T00:00:00-02:00",
        "grain": "day",
        "kind": "instant",
        "locale": "en",
    }
    return base | fields


def load(tmp_path, *raws: dict) -> list[dates.Record]:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(raw) for raw in raws))
    return dates.load(path)


def naive(*args: int) -> datetime:
    return datetime(*args)


def test_score_instant_compares_at_grain(tmp_path):
    (item,) = load(tmp_path, record())

    assert dates.correct(item, Answer(naive(2013, 2, 13, 17, 5)))
    assert not dates.correct(item, Answer(naive(2013, 2, 14)))
    assert not dates.correct(item, Answer())


def test_score_week_grain_compares_the_monday(tmp_path):
    raw = record(text="next week", expected="2013-02-18T00:00:00-02:00", grain="week")
    (item,) = load(tmp_path, raw)

    assert dates.correct(item, Answer(naive(2013, 2, 20)))
    assert not dates.correct(item, Answer(naive(2013, 2, 25)))


def test_score_deadline_uses_end(tmp_path):
    raw = record(
        text="by EOM",
        kind="interval",
        expected=REFERENCE,
        end="2013-03-01T00:00:00-02:00",
        grain="second",
    )
    (item,) = load(tmp_path, raw)

    assert item.group == "deadline"
    assert dates.correct(item, Answer(end=naive(2013, 3, 1)))
    assert dates.correct(item, Answer(end=naive(2013, 2, 28)))
    assert not dates.correct(item, Answer(end=naive(2013, 2, 12)))


def test_score_duckling_interval_end_is_exclusive(tmp_path):
    raw = record(
        text="July 13-15",
        kind="interval",
        expected="2013-07-13T00:00:00-02:00",
        end="2013-07-16T00:00:00-02:00",
    )
    (item,) = load(tmp_path, raw)

    assert dates.correct(item, Answer(naive(2013, 7, 13), naive(2013, 7, 15)))
    assert not dates.correct(item, Answer(naive(2013, 7, 13), naive(2013, 7, 16)))


@pytest.mark.parametrize(
    ("fields", "group"),
    [
        ({"options": {"forwardDate": True}}, "forward"),
        ({"note": "chrono default picks the closest matching date, here"}, "past"),
        ({"kind": "open_after"}, "open"),
        ({}, "instant"),
    ],
)
def test_load_record_groups(tmp_path, fields, group):
    (item,) = load(tmp_path, record(**fields))

    assert item.group == group


def test_load_gb_locale_is_day_first(tmp_path):
    (item,) = load(tmp_path, record(locale="en_GB"))

    assert item.order.value == "DMY"


def test_evaluate_scores_every_parser_on_same_records(tmp_path):
    lines = [record(), record(id="chrono-0001", text="yesterday")]
    (tmp_path / dates.CORPUS).write_text("\n".join(json.dumps(r) for r in lines))
    (tmp_path / dates.HOLIDAYS).write_text(json.dumps(record(text="xmas")))
    right = Answer(naive(2013, 2, 13))
    parsers = {
        "ours": dates.ours,
        "always": lambda r: right,
        "never": lambda r: Answer(),
    }

    main, holidays = dates.evaluate(tmp_path, parsers)

    rows = {row[0]: row[1:] for row in main.rows}
    assert main.header == ["records", "count", "ours", "always", "never"]
    assert rows["duckling: instant"] == ["1", "100.0%", "100.0%", "0.0%"]
    assert rows["chrono: instant"] == ["1", "0.0%", "100.0%", "0.0%"]
    assert any("yesterday" in line for line in main.failures)
    assert holidays.rows[0][:2] == ["duckling: holiday instants", "1"]
