import pytest

from notetaker.engines.base import Intent
from tests.engines.conftest import OPEN_TASKS, understand


@pytest.mark.parametrize(
    "text",
    [
        "play some music",
        "what's the weather tomorrow",
        "set an alarm for 6 am",
        "wake me up at seven",
        "turn off the lights in the kitchen",
        "text mom that I'll be late",
        "how long will it take to drive to work",
        "things to do in Denver next weekend",
        "alexa, turn the volume down",
    ],
)
def test_reply_unsupported_stores_nothing(text):
    plan = understand(text)

    assert plan.intent == Intent.UNSUPPORTED
    assert (plan.tasks, plan.notes, plan.changes, plan.question) == ([], [], [], None)
    assert plan.reply.startswith("Sorry, I can't do that")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("remind me to check the forecast tomorrow", "Check the forecast"),
        ("set up a weekly reminder to take the trash out", "Take the trash out"),
        ("remind john to take out the trash", "Remind john to take out the trash"),
        ("dinner tonight at 8, will you remind me?", "Dinner"),
        ("i want to be reminded to finish the interview questions",
         "Finish the interview questions"),
        ("Set a reminder for Bobby ' s visit on October 5th .", "Bobby's visit"),
    ],
)  # fmt: skip
def test_create_task_from_reminder_phrasing(text, title):
    plan = understand(text)

    assert plan.intent == Intent.TASK
    assert plan.tasks[0].title == title


@pytest.mark.parametrize(
    "text",
    [
        "how are you feeling today",
        "tell me a joke",
        "i'm so tired",
        "how do I delete a reminder?",
    ],
)
def test_reply_chit_chat_to_small_talk_and_help(text):
    plan = understand(text)

    assert plan.intent == Intent.CHIT_CHAT
    assert (plan.tasks, plan.notes) == ([], [])


def test_reply_help_explains_usage():
    assert "in your own words" in understand("how can I edit a task?").reply


@pytest.mark.parametrize(
    "text",
    [
        "check my to do list",
        "show me my reminders for tomorrow",
        "I need to know how many reminders I have this week",
        "what do i have coming up",
    ],
)
def test_ask_question_about_own_data(text):
    assert understand(text, open_tasks=OPEN_TASKS).intent == Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("remove milk from my shopping list", "delete"),
        ("can you delete the dentist task", "delete"),
        ("i don't need the reminder about the invoice", "delete"),
    ],
)
def test_update_task_by_phrasing(text, action):
    plan = understand(text, open_tasks=OPEN_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert [c.action for c in plan.changes] == [action]


def test_update_task_without_open_tasks_says_none_found():
    plan = understand("delete my dentist reminder")

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []
    assert plan.reply == 'I couldn\'t find an open task matching "my dentist reminder".'


def test_update_task_edit_asks_what_changes():
    plan = understand("change the dentist reminder", open_tasks=OPEN_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []
    assert plan.reply.startswith('What should change in "Call the dentist"?')
