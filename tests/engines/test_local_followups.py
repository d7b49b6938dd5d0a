from datetime import datetime

import pytest

from notetaker.engines.base import Intent, TaskRef, Turn
from tests.engines.conftest import LISBON, understand

TASKS = (
    TaskRef(1, "Write the report"),
    TaskRef(2, "Call Bob"),
    TaskRef(3, "Buy milk"),
)
CREATED = (
    Turn("user", "remind me to call Bob"),
    Turn("assistant", 'Added task "Call Bob".'),
)


@pytest.mark.parametrize(
    ("text", "action"),
    [("mark it done", "complete"), ("finish it", "complete"), ("delete it", "delete")],
)
def test_update_task_it_is_the_task_just_created(text, action):
    plan = understand(text, open_tasks=TASKS, history=CREATED)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.task_id, c.action) for c in plan.changes] == [(2, action)]


def test_update_task_it_moves_the_task_just_created():
    plan = understand("move it to Friday", open_tasks=TASKS, history=CREATED)

    assert [(c.task_id, c.due_at) for c in plan.changes] == [
        (2, datetime(2026, 12, 11, tzinfo=LISBON))
    ]
    assert plan.thinking[1].detail["from_conversation"] == "Call Bob"


def test_update_task_it_is_the_task_linked_in_an_answer():
    history = (
        Turn("user", "anything about milk?"),
        Turn("assistant", "Here is what I have:\n- [Buy milk](/tasks/3) (no due date)"),
    )

    plan = understand("mark it done", open_tasks=TASKS, history=history)

    assert [(c.task_id, c.action) for c in plan.changes] == [(3, "complete")]


def test_update_task_it_is_the_task_the_user_named_last():
    history = (Turn("user", "I'm writing the report now"), Turn("assistant", "Good."))

    plan = understand("push it to Monday", open_tasks=TASKS, history=history)

    assert [c.task_id for c in plan.changes] == [1]


def test_update_task_it_among_several_asks_which():
    history = (
        Turn("user", "what's open?"),
        Turn("assistant", "- [Call Bob](/tasks/2) (x)\n- [Buy milk](/tasks/3) (y)"),
    )

    plan = understand("mark it done", open_tasks=TASKS, history=history)

    assert plan.changes == []
    assert plan.reply == 'Which one do you mean: "Call Bob" or "Buy milk"?'


def test_update_task_it_without_history_asks_which_task():
    plan = understand("mark it done", open_tasks=TASKS)

    assert plan.changes == []
    assert plan.reply == "Which task do you mean? Tell me its name."


def test_update_task_it_ignores_a_task_no_longer_open():
    history = (Turn("assistant", 'Added task "Renew passport".'),)

    plan = understand("mark it done", open_tasks=TASKS, history=history)

    assert plan.changes == []


def test_update_task_it_looks_only_at_the_start_of_a_long_message():
    """Comparing every word of a long earlier message with every title took
    seconds; a title only named far into it is not what "it" refers to."""
    long_message = "notes from the meeting " * 200 + "and call Bob"
    history = (Turn("user", long_message),)

    plan = understand("mark it done", open_tasks=TASKS, history=history)

    assert plan.changes == []
