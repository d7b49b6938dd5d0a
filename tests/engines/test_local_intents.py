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


@pytest.mark.parametrize(
    "text",
    [
        "i had such a rough day",
        "hey, how is your day going",
        "it would be nice if you could read my handwriting",
        "i wish you could order groceries",
        "you forgot the second half of my sentence",
        "who built you",
        "are you there",
        "what's up alexa",
    ],
)
def test_reply_chit_chat_to_moods_and_remarks_about_assistant(text):
    plan = understand(text, open_tasks=OPEN_TASKS)

    assert plan.intent == Intent.CHIT_CHAT
    assert (plan.tasks, plan.notes, plan.changes) == ([], [], [])


@pytest.mark.parametrize(
    "text",
    [
        "why do people procrastinate",
        "explain black holes to me like i am five",
        "will there be flying cars one day",
        "why am i always so sleepy",
    ],
)
def test_reply_chit_chat_to_musings(text):
    plan = understand(text)

    assert plan.intent == Intent.CHIT_CHAT
    assert plan.reply.startswith("Good question!")


@pytest.mark.parametrize(
    "text",
    [
        "who wrote war and peace",
        "which is the longest river",
        "where is lake tahoe",
        "what is the capital of peru",
        "what day of the week was the moon landing",
    ],
)
def test_reply_unsupported_to_world_knowledge_questions(text):
    assert understand(text).intent == Intent.UNSUPPORTED


@pytest.mark.parametrize(
    "text",
    [
        "where is the spare key?",
        "what is the gate code",
        "why did i cancel the book club meeting",
        "did i renew the passport",
        "go through my reminders for friday",
        "in march how many meetings did i have",
        "meetings next week",
        "remind me what i am doing on saturday evening",
    ],
)
def test_ask_question_about_own_data_without_asking_directly(text):
    assert understand(text).intent == Intent.QUESTION


def test_reply_chit_chat_to_diary_offers_note():
    plan = understand("today i finally fixed the bike")

    assert plan.intent == Intent.CHIT_CHAT
    assert 'start with "note:"' in plan.reply


@pytest.mark.parametrize(
    "text",
    ["gardening", "blue sky thinking please", "pros and cons of electric scooters"],
)
def test_reply_chit_chat_to_fragment_asks_what_to_do(text):
    plan = understand(text)

    assert plan.intent == Intent.CHIT_CHAT
    assert plan.reply.startswith(f'What should I do with "{text}"?')


def test_ask_question_from_fragment_naming_own_data():
    assert understand("dentist appointment").intent == Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("tell me when the plumber arrives", "When the plumber arrives"),
        ("let me know in an hour to check the oven", "Check the oven"),
        ("my sister is visiting, could you set up a meeting with the landlord",
         "My sister is visiting, could you set up a meeting with the landlord"),
        ("put the school play in my calendar", "Put the school play in my calendar"),
    ],
)  # fmt: skip
def test_create_task_from_notify_and_booking_requests(text, title):
    plan = understand(text)

    assert plan.intent == Intent.TASK
    assert plan.tasks[0].title == title


@pytest.mark.parametrize(
    "text",
    [
        "i need a cup of tea",
        "please be quiet for a bit",
        "switch off the fan",
        "what is the current year",
        "where is my food order",
        "ignore that message",
        "find the nearest pharmacy",
        "time my run",
        "ok ok i'm awake",
        "tell me when it is six thirty pm",
        "open the sound settings",
        "disable all the smart plugs",
        "any street markets in town this sunday",
    ],
)
def test_reply_unsupported_to_device_and_lookup_requests(text):
    assert understand(text).intent == Intent.UNSUPPORTED


def test_create_task_keeps_reminders_that_mention_other_apps():
    plan = understand("remind me to delay the newsletter by a day")

    assert plan.intent == Intent.TASK


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ideas about the garden shed and its roof", Intent.CHIT_CHAT),
        ("the shed roof leaks when it rains", Intent.NOTE),
        ("locker combination 4521", Intent.NOTE),
    ],
)
def test_classify_verbless_phrase_as_fragment_only_without_verb_or_number(text, intent):
    assert understand(text).intent == intent


def test_reply_chit_chat_to_question_addressed_to_assistant():
    plan = understand("i need to ask you whether dogs dream")

    assert plan.intent == Intent.CHIT_CHAT
    assert plan.tasks == []


@pytest.mark.parametrize(
    "text",
    [
        "update my packing list with sunscreen",
        "give me the match result in two hours",
        "mention the recital in calendar",
    ],
)
def test_create_task_from_list_additions_and_later_requests(text):
    assert understand(text).intent == Intent.TASK


@pytest.mark.parametrize(
    "text",
    ["just let me know the deadlines for this week", "at what time is the pta meeting"],
)
def test_ask_question_with_polite_or_time_lead(text):
    assert understand(text).intent == Intent.QUESTION
