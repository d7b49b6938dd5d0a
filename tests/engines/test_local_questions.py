import pytest

from notetaker.engines.base import Intent
from tests.engines.conftest import understand


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("show me my urgent tasks", 1),
        ("list urgent tasks", 1),
        ("what are my high priority tasks", 2),
        ("any important to-dos?", 2),
        ("what are my p3 tasks", 3),
    ],
)
def test_ask_open_tasks_by_priority(text, priority):
    plan = understand(text)

    assert plan.intent == Intent.QUESTION
    assert (plan.question.kind, plan.question.priority) == ("open_tasks", priority)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("show me low priority tasks", 4),
        ("list my low priority tasks", 4),
        ("how many low priority tasks do I have?", 4),
        ("what are my medium priority tasks?", 3),
        ("any normal priority to-dos?", 3),
    ],
)
def test_ask_open_tasks_at_one_calm_priority(text, level):
    question = understand(text).question

    assert question.kind == "open_tasks"
    assert (question.priority, question.priority_or_lower) == (level, level)


def test_ask_urgent_tasks_keeps_no_lower_bound():
    assert understand("show me my urgent tasks").question.priority_or_lower is None


def test_ask_anything_urgent_lists_urgent_open_tasks():
    question = understand("do I have anything urgent?").question

    assert (question.kind, question.priority) == ("open_tasks", 1)


def test_ask_anything_urgent_today_lists_urgent_tasks_due_today():
    question = understand("anything urgent today?").question

    assert (question.kind, question.priority) == ("due_today", 1)


def test_ask_count_of_urgent_tasks():
    question = understand("how many urgent tasks do I have?").question

    assert (question.kind, question.count, question.priority) == ("open_tasks", True, 1)


def test_ask_urgent_tasks_due_this_week_keeps_window():
    question = understand("what urgent tasks are due this week?").question

    assert (question.kind, question.priority) == ("due_window", 1)


def test_ask_open_tasks_without_priority_words_has_no_filter():
    assert understand("what are my tasks").question.priority is None


@pytest.mark.parametrize(
    "text",
    ["list my notes", "show my notes", "what notes do I have?", "show me my notes"],
)
def test_ask_list_of_notes(text):
    plan = understand(text)

    assert plan.intent == Intent.QUESTION
    assert (plan.question.kind, plan.question.text) == ("notes", None)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("show me my notes about the budget", "budget"),
        ("what notes do I have about Paris?", "Paris"),
        ("find my notes on the urgent care visit", "urgent care visit"),
        ("is the dentist urgent?", "dentist urgent"),
    ],
)
def test_ask_notes_on_a_topic_is_a_search(text, topic):
    question = understand(text).question

    assert (question.kind, question.text) == ("search", topic)


@pytest.mark.parametrize(
    "text",
    ["what tasks do I have?", "what to-dos are left?", "what reminders have I got"],
)
def test_ask_what_tasks_i_have_lists_open_tasks(text):
    plan = understand(text)

    assert plan.intent == Intent.QUESTION
    assert plan.question.kind == "open_tasks"
