"""The model's answer becomes a plan; its local wall-clock dates are resolved here."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from notetaker.engines.llm.convert import parse_plan, resolve_when, to_plan
from notetaker.engines.llm.errors import InvalidOutput
from notetaker.engines.llm.schema import wire_schema
from tests.engines.llm.conftest import LISBON, NOW, OPEN_TASKS, message
from tests.engines.llm.fake_provider import GOOD_PLAN

NEW_YORK = ZoneInfo("America/New_York")


def test_convert_plan_resolves_local_due_in_user_zone():
    plan = to_plan(parse_plan(json.dumps(GOOD_PLAN)), message())

    (task,) = plan.tasks
    assert task.due_at == datetime(2026, 12, 11, 15, 0, tzinfo=LISBON)
    assert task.due_has_time
    assert task.priority == 1
    assert plan.thinking[0].label == "Intent: task"


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("2026-12-11", datetime(2026, 12, 11, tzinfo=LISBON), False),
        ("2026-12-11T09:30", datetime(2026, 12, 11, 9, 30, tzinfo=LISBON), True),
        ("next Friday at 3pm", datetime(2026, 12, 11, 15, 0, tzinfo=LISBON), True),
        ("tomorrow", datetime(2026, 12, 5, tzinfo=LISBON), False),
    ],
)
def test_resolve_due_from_wall_clock_or_words(text, expected, has_time):
    when = resolve_when(text, message())

    assert when.value == expected
    assert when.has_time is has_time


def test_resolve_due_skipped_by_dst_moves_forward():
    now = datetime(2027, 3, 13, 10, 0, tzinfo=NEW_YORK)

    when = resolve_when(
        "2027-03-14 02:30", message(now=now, timezone="America/New_York")
    )

    assert when.value.utcoffset().total_seconds() == -4 * 3600
    assert (when.value.hour, when.value.minute) == (3, 30)


@pytest.mark.parametrize("text", [None, "", "someday", "2026-13-45"])
def test_resolve_due_unreadable_is_none(text):
    assert resolve_when(text, message()) is None


@pytest.mark.parametrize("due", ["2026-12-11T15:00:00Z", "2026-12-11 15:00+01:00"])
def test_parse_plan_rejects_model_computed_offsets(due):
    answer = GOOD_PLAN | {"tasks": [GOOD_PLAN["tasks"][0] | {"due": due}]}

    with pytest.raises(InvalidOutput, match="offset"):
        parse_plan(json.dumps(answer))


@pytest.mark.parametrize(
    "text",
    ["{}", "[1, 2]", '{"reply": "x", "intent": "dance"}', "not json", '{"reply": "x"'],
)
def test_parse_plan_invalid_raises_typed_error(text):
    with pytest.raises(InvalidOutput):
        parse_plan(text)


def test_parse_plan_rejects_unknown_fields():
    with pytest.raises(InvalidOutput, match="Extra inputs"):
        parse_plan(json.dumps(GOOD_PLAN | {"confidence": 0.9}))


def test_convert_plan_rejects_change_to_unknown_task():
    answer = GOOD_PLAN | {
        "intent": "task_update",
        "tasks": [],
        "changes": [
            {"task_id": 99, "action": "complete", "due": None, "priority": None}
        ],
    }

    with pytest.raises(InvalidOutput, match="unknown task ids"):
        to_plan(parse_plan(json.dumps(answer)), message(open_tasks=OPEN_TASKS))


def test_convert_plan_change_and_question():
    answer = GOOD_PLAN | {
        "intent": "task_update",
        "tasks": [],
        "changes": [
            {
                "task_id": 7,
                "action": "reschedule",
                "due": "Monday 9am",
                "priority": None,
            }
        ],
        "question": {
            "kind": "due_window",
            "start": "2026-12-07",
            "end": "2026-12-14",
            "text": None,
        },
    }

    plan = to_plan(parse_plan(json.dumps(answer)), message(open_tasks=OPEN_TASKS))

    assert plan.changes[0].due_at == datetime(2026, 12, 7, 9, 0, tzinfo=LISBON)
    assert plan.question.start == datetime(2026, 12, 7, tzinfo=LISBON)
    assert plan.question.end == datetime(2026, 12, 14, tzinfo=LISBON)


def test_wire_schema_is_strict_everywhere():
    schema = wire_schema()

    objects = [
        schema,
        *(d for d in schema["$defs"].values() if d.get("type") == "object"),
    ]
    for node in objects:
        assert node["additionalProperties"] is False
        assert set(node["required"]) == set(node["properties"])
    assert list(schema["properties"])[0] == "reply"  # streamed first
    assert "default" not in json.dumps(schema)


def test_now_fixture_is_friday_in_lisbon():
    assert NOW.strftime("%A") == "Friday"
