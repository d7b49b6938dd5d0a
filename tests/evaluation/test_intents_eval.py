import pytest

from notetaker.engines.base import Intent
from notetaker.evaluation.intents import (
    ENGINE_CLASSES,
    class_scores,
    gold_class,
    macro_f1,
    token_f1,
    tokens,
)


def test_score_classes_known_answer():
    gold = ["task", "task", "question", "other"]
    predicted = ["task", "question", "question", "note"]

    scores = {s.label: s for s in class_scores(gold, predicted)}

    assert (scores["task"].precision, scores["task"].recall) == (1.0, 0.5)
    assert scores["task"].f1 == pytest.approx(2 / 3)
    assert (scores["question"].precision, scores["question"].recall) == (0.5, 1.0)
    assert scores["other"].f1 == 0.0
    assert "note" not in scores
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)


def test_score_classes_perfect():
    labels = ["task", "other", "chit_chat"]

    assert macro_f1(labels, labels) == 1.0


def test_tokenize_title_splits_punctuation():
    assert tokens("Bobby ' s visit, 3:30!") == ["bobby", "s", "visit", "3", "30"]
    assert tokens("Bobby's visit") == ["bobby", "s", "visit"]


@pytest.mark.parametrize(
    ("predicted", "reference", "expected"),
    [
        ("Call mom", "call mom", 1.0),
        ("Buy milk", "buy some milk", 0.8),
        ("", "buy milk", 0.0),
        ("Pay rent", "water the plants", 0.0),
        ("", "", 1.0),
    ],
)
def test_score_title_token_f1(predicted, reference, expected):
    assert token_f1(predicted, reference) == pytest.approx(expected)


def test_map_corpus_intents():
    assert gold_class("calendar_set") == "task"
    assert gold_class("lists_remove") == "task_update"
    assert gold_class("alarm_set") == "other"
    assert gold_class("GET_REMINDER_AMOUNT") == "question"
    assert gold_class("GET_EVENT") == "other"
    assert gold_class("general_quirky") == "chit_chat"


def test_map_every_engine_intent():
    assert set(ENGINE_CLASSES) == set(Intent)
    assert ENGINE_CLASSES[Intent.NOTE] == "note"
    assert ENGINE_CLASSES[Intent.UNSUPPORTED] == "other"
