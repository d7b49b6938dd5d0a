from datetime import datetime

import pytest

from notetaker.engines.base import Intent, TaskRef
from notetaker.engines.local.intents import headed_list
from tests.engines.conftest import (
    LISBON,
    NEW_YORK,
    NEW_YORK_NOW,
    OPEN_TASKS,
    understand,
)


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


def test_create_task_from_reminder():
    plan = understand("remind me to call the dentist next Friday at 3pm, it's urgent")
    task = plan.tasks[0]

    assert plan.intent == Intent.TASK
    assert (task.title, task.due_at, task.due_has_time, task.priority) == (
        "Call the dentist",
        lisbon(2026, 12, 11, 15),
        True,
        1,
    )
    assert (
        plan.reply == 'Added task "Call the dentist", due Fri 11 Dec 15:00, priority 1.'
    )
    assert [step.kind for step in plan.thinking] == ["classify", "extract"]


@pytest.mark.parametrize(
    ("text", "title", "due", "has_time"),
    [
        ("call Mark", "Call Mark", None, False),
        ("email May about the budget", "Email May about the budget", None, False),
        ("plan my 40th birthday party", "Plan my 40th birthday party", None, False),
        ("take 0.5 of a pill tonight", "Take 0.5 of a pill", lisbon(2026, 12, 4, 20),
         True),
        ("remember to delete emails older than January 30th",
         "Delete emails older than January 30th", None, False),
        ("Create monthly report", "Create monthly report", None, False),
        ("I need to buy milk tomorrow", "Buy milk", lisbon(2026, 12, 5), False),
        ("don't forget to submit the report by Friday", "Submit the report",
         lisbon(2026, 12, 11), False),
        ("please book a table for 4 at 8pm on Saturday", "Book a table for 4",
         lisbon(2026, 12, 5, 20), True),
        ("can you remind me to renew my passport?", "Renew my passport", None, False),
        ("buy a gift for next week", "Buy a gift", lisbon(2026, 12, 7), False),
        ("finish the deck by next week", "Finish the deck", lisbon(2026, 12, 13),
         False),
        ("remind me at 9am to stretch", "Stretch", lisbon(2026, 12, 5, 9), True),
        ("pick up the kids in 3 hours", "Pick up the kids", lisbon(2026, 12, 4, 13),
         True),
        ("todo: fix the bike on 3/4", "Fix the bike", lisbon(2027, 3, 4), False),
    ],
)  # fmt: skip
def test_create_task_extracts_title_and_due(text, title, due, has_time):
    plan = understand(text)
    task = plan.tasks[0]

    assert plan.intent == Intent.TASK
    assert (task.title, task.due_at, task.due_has_time) == (title, due, has_time)


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("fix the leak p1", 1),
        ("fix the leak asap", 1),
        ("fix the leak, it's urgent", 1),
        ("fix the leak !!!", 1),
        ("fix the leak, important", 2),
        ("fix the leak high priority", 2),
        ("fix the leak !!", 2),
        ("fix the leak p3", 3),
        ("fix the leak low priority", 4),
        ("fix the leak when I get a chance", 4),
        ("fix the leak, not urgent", 4),
        ("fix the leak", 4),
    ],
)
def test_create_task_priority(text, priority):
    task = understand(text).tasks[0]

    assert (task.title, task.priority) == ("Fix the leak", priority)


@pytest.mark.parametrize(
    ("text", "title", "priority"),
    [
        ("asap: fix the leaking tap", "Fix the leaking tap", 1),
        ("urgent - call the bank", "Call the bank", 1),
        ("low priority: organise the garage", "Organise the garage", 4),
        ("very urgent: call the plumber", "Call the plumber", 1),
    ],
)
def test_create_task_after_priority_lead(text, title, priority):
    plan = understand(text)

    assert plan.intent == Intent.TASK
    assert (plan.tasks[0].title, plan.tasks[0].priority) == (title, priority)


def test_create_task_drops_brackets_left_empty():
    task = understand("finish the Q1 budget by next Friday (urgent)").tasks[0]

    assert (task.title, task.due_at, task.priority) == (
        "Finish the Q1 budget",
        lisbon(2026, 12, 11),
        1,
    )


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("book the dog's vaccination this month", lisbon(2026, 12, 31)),
        ("finish the report this week", lisbon(2026, 12, 6)),
        ("plan the garden next month", lisbon(2027, 1, 1)),
    ],
)
def test_create_task_due_in_period_begun_is_due_by_its_end(text, due):
    task = understand(text).tasks[0]

    assert (task.due_at, task.due_has_time) == (due, False)


def test_create_task_at_bare_afternoon_hour_after_it_passed():
    task = understand("call Ana at 3", now=lisbon(2026, 12, 4, 17, 31)).tasks[0]

    assert (task.title, task.due_at) == ("Call Ana", lisbon(2026, 12, 5, 15))


def test_create_task_tags_leave_title():
    task = understand("buy milk #groceries #Home tomorrow").tasks[0]

    assert (task.title, task.tags) == ("Buy milk", ["groceries", "home"])


def test_create_task_across_dst_in_new_york():
    task = understand("remind me to call mom tomorrow at 3pm", now=NEW_YORK_NOW).tasks[
        0
    ]

    assert task.due_at == datetime(2027, 3, 14, 15, tzinfo=NEW_YORK)
    assert task.due_at.utcoffset().total_seconds() == -4 * 3600


def test_create_task_reply_in_user_zone():
    plan = understand("dentist tomorrow at 9am", now=NEW_YORK_NOW)

    assert plan.reply == 'Added task "Dentist", due Sun 14 Mar 09:00.'


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("the office wifi password is on the fridge", "Office wifi password"),
        ("note: the spare key is under the mat", "Spare key"),
        ("remember that Ana likes green tea", "Ana likes green tea"),
    ],
)
def test_create_note(text, title):
    plan = understand(text)

    assert plan.intent == Intent.NOTE
    assert plan.notes[0].title == title
    assert plan.tasks == []
    assert plan.reply == f'Saved note "{title}".'


def test_create_note_body_keeps_text():
    plan = understand("the office wifi password is on the fridge")

    assert plan.notes[0].body == "the office wifi password is on the fridge"


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "ideas for the birthday party: balloons, cake, karaoke",
            "Ideas for the birthday party",
            "- balloons\n- cake\n- karaoke",
        ),
        (
            "packing list for Lisbon: charger, passport",
            "Packing list for Lisbon",
            "- charger\n- passport",
        ),
    ],
)
def test_create_note_from_heading_and_list(text, title, body):
    plan = understand(text)

    assert plan.intent == Intent.NOTE
    assert (plan.notes[0].title, plan.notes[0].body) == (title, body)
    assert plan.question is None


def test_headed_list_reads_no_heading_before_a_time():
    assert headed_list("meet at 10:30, room 4, bring slides") is None


@pytest.mark.parametrize("text", ["hi", "Hello there!", "thanks!", "how are you", "👍"])
def test_reply_chit_chat_stores_nothing(text):
    plan = understand(text)

    assert plan.intent == Intent.CHIT_CHAT
    assert (plan.notes, plan.tasks, plan.changes) == ([], [], [])
    assert plan.reply


@pytest.mark.parametrize("text", ["hello", "hi", "Hi there!", "good morning"])
def test_reply_greeting_greets_back(text):
    plan = understand(text)

    assert plan.intent == Intent.CHIT_CHAT
    assert plan.reply.startswith("Hi!")


@pytest.mark.parametrize(
    ("text", "task_id", "action"),
    [
        ("mark the dentist one done", 1, "complete"),
        ("I called the dentist", 1, "complete"),
        ("done with the milk", 4, "complete"),
        ("delete the milk task", 4, "delete"),
        ("reopen the invoice", 5, "reopen"),
    ],
)
def test_update_task_by_reference(text, task_id, action):
    plan = understand(text, open_tasks=OPEN_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.task_id, c.action) for c in plan.changes] == [(task_id, action)]
    assert plan.thinking[-1].kind == "match"


def test_update_task_reschedule():
    plan = understand("postpone the invoice to next week", open_tasks=OPEN_TASKS)
    change = plan.changes[0]

    assert (change.task_id, change.action) == (5, "reschedule")
    assert (change.due_at, change.due_has_time) == (lisbon(2026, 12, 7), False)
    assert plan.reply == 'Moved "Pay the invoice" to Mon 07 Dec.'


def test_update_task_move_to_monday():
    tasks = (TaskRef(2, "Write the report"), TaskRef(4, "Buy milk"))

    plan = understand("move the report to Monday", open_tasks=tasks)

    assert [(c.task_id, c.due_at) for c in plan.changes] == [(2, lisbon(2026, 12, 7))]


def test_update_task_priority():
    plan = understand("make the invoice urgent", open_tasks=OPEN_TASKS)

    assert [(c.task_id, c.action, c.priority) for c in plan.changes] == [
        (5, "set_priority", 1)
    ]


def test_update_task_ambiguous_asks_which():
    plan = understand("done with the report", open_tasks=OPEN_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []
    assert plan.reply == (
        'Which one do you mean: "Write the report" or "Send report to Ana"?'
    )


def test_update_task_no_match_says_so():
    plan = understand("mark the gym done", open_tasks=OPEN_TASKS)

    assert plan.changes == []
    assert plan.reply == 'I couldn\'t find an open task matching "the gym".'


def test_create_task_when_delete_names_no_open_task():
    plan = understand(
        "remember to delete emails older than January 30th", open_tasks=OPEN_TASKS
    )

    assert plan.intent == Intent.TASK
    assert plan.changes == []


def test_ask_due_today():
    plan = understand("what's due today?")

    assert plan.intent == Intent.QUESTION
    assert plan.question.kind == "due_today"


def test_ask_due_this_week():
    question = understand("what do I have this week").question

    assert (question.kind, question.start, question.end) == (
        "due_window",
        lisbon(2026, 11, 30),
        lisbon(2026, 12, 7),
    )


def test_ask_due_tomorrow():
    question = understand("what's due tomorrow?").question

    assert (question.kind, question.start, question.end) == (
        "due_window",
        lisbon(2026, 12, 5),
        lisbon(2026, 12, 6),
    )


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("anything overdue?", "overdue", None),
        ("what's overdue?", "overdue", None),
        ("what is overdue?", "overdue", None),
        ("what are my tasks", "open_tasks", None),
        ("what's on my plate?", "open_tasks", None),
        ("what did I note about the marketing plan?", "search", "marketing plan"),
        ("where is the wifi password?", "search", "wifi password"),
    ],
)
def test_ask_question_kind(text, kind, topic):
    plan = understand(text)

    assert plan.intent == Intent.QUESTION
    assert (plan.question.kind, plan.question.text) == (kind, topic)


BRAIN_DUMP = """Random thoughts after the offsite:
- The marketing plan needs a clearer budget.
- Marketing wants two more designers.
- Call Ana about the venue tomorrow at 10am
- Send the slides to the team by Friday
- The office plants look sad.
"""


def test_create_brain_dump_note_and_tasks():
    plan = understand(BRAIN_DUMP)

    assert plan.intent == Intent.BRAIN_DUMP
    assert [(t.title, t.due_at, t.due_has_time) for t in plan.tasks] == [
        ("Call Ana about the venue", lisbon(2026, 12, 5, 10), True),
        ("Send the slides to the team", lisbon(2026, 12, 11), False),
    ]
    note = plan.notes[0]
    assert note.title == "Offsite and marketing plan"
    assert note.body == (
        "Random thoughts after the offsite\n\n"
        "## Marketing plan\n"
        "- The marketing plan needs a clearer budget.\n"
        "- Marketing wants two more designers.\n\n"
        "## Other notes\n"
        "- The office plants look sad.\n\n"
        "## Action items\n"
        "- [ ] Call Ana about the venue (Sat 05 Dec 10:00)\n"
        "- [ ] Send the slides to the team (Fri 11 Dec)"
    )


def test_create_brain_dump_from_long_paragraph():
    text = (
        "Lots on my mind today. I need to renew the car insurance before the 15th. "
        "The kitchen tap is leaking again. Buy a new filter for the coffee machine. "
        "Sara's birthday is on March 3rd."
    )

    plan = understand(text)

    assert plan.intent == Intent.BRAIN_DUMP
    assert [t.title for t in plan.tasks] == [
        "Renew the car insurance",
        "Buy a new filter for the coffee machine",
    ]


@pytest.mark.parametrize(
    ("text", "title", "due"),
    [
        ("prepare slides for the friday meeting by wednesday",
         "Prepare slides for the friday meeting", lisbon(2026, 12, 9)),
        ("print the december invoices on monday", "Print the december invoices",
         lisbon(2026, 12, 7)),
    ],
)  # fmt: skip
def test_create_task_date_as_noun_modifier_stays_in_title(text, title, due):
    task = understand(text).tasks[0]

    assert (task.title, task.due_at) == (title, due)


def test_create_tasks_two_actions_each_with_own_date():
    plan = understand("remind me to call Ana tomorrow and buy milk on Friday")

    assert plan.intent == Intent.TASK
    assert [(t.title, t.due_at) for t in plan.tasks] == [
        ("Call Ana", lisbon(2026, 12, 5)),
        ("Buy milk", lisbon(2026, 12, 11)),
    ]
    assert plan.reply == (
        'Added 2 tasks: "Call Ana", due Sat 05 Dec; "Buy milk", due Fri 11 Dec.'
    )


def test_create_tasks_three_timed_actions():
    plan = understand(
        "call mom at 5pm, then pick up the kids at 6pm and email Bob on Monday"
    )

    assert [(t.title, t.due_at) for t in plan.tasks] == [
        ("Call mom", lisbon(2026, 12, 4, 17)),
        ("Pick up the kids", lisbon(2026, 12, 4, 18)),
        ("Email Bob", lisbon(2026, 12, 7)),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("buy bread and butter on Friday", "Buy bread and butter"),
        ("call Ana and Bob tomorrow", "Call Ana and Bob"),
        ("remind me to call Ana tomorrow and buy milk", "Call Ana and buy milk"),
    ],
)
def test_create_task_one_action_or_one_date_stays_one_task(text, title):
    plan = understand(text)

    assert [t.title for t in plan.tasks] == [title]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("remind me on Feb 30 to pay", "February 30 doesn't exist"),
        ("pay rent on the 31st of April at 9am", "April 31 doesn't exist"),
        ("remind me on February 29, 2027 to renew", "2027 is not a leap year"),
    ],
)
def test_create_task_on_missing_day_stores_nothing_and_says_why(text, reply):
    plan = understand(text)

    assert plan.intent == Intent.TASK
    assert (plan.tasks, plan.notes) == ([], [])
    assert reply in plan.reply
    assert "Which day did you mean?" in plan.reply


def test_create_task_on_leap_day_is_not_missing():
    plan = understand("remind me on Feb 29 to pay")

    assert plan.tasks[0].due_at == lisbon(2028, 2, 29)


def test_update_task_to_missing_day_changes_nothing():
    plan = understand("move the dentist to Feb 31", open_tasks=OPEN_TASKS)

    assert plan.changes == []
    assert plan.reply.startswith("February 31 doesn't exist")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("how many tasks do I have", "open_tasks"),
        ("how many tasks are due this week", "due_window"),
        ("how many tasks are overdue?", "overdue"),
        ("how many open to-dos have I got", "open_tasks"),
    ],
)
def test_ask_count_of_tasks(text, kind):
    plan = understand(text)

    assert plan.intent == Intent.QUESTION
    assert (plan.question.kind, plan.question.count) == (kind, True)


def test_ask_list_of_tasks_is_no_count():
    plan = understand("what's due this week?")

    assert plan.question.count is False


@pytest.mark.parametrize(
    "text",
    [
        "je dois acheter du pain demain",
        "ich muss morgen Brot kaufen",
        "recuérdame llamar a mi madre mañana",
        "напомни мне купить молоко завтра",
        "明天提醒我买牛奶",
    ],
)
def test_create_note_from_non_english_says_only_english_is_understood(text):
    plan = understand(text)

    assert plan.intent == Intent.NOTE
    assert plan.tasks == []
    assert [n.body for n in plan.notes] == [text]
    assert plan.reply.startswith("Sorry, I only understand English")


@pytest.mark.parametrize(
    "text",
    [
        "remind me to buy croissants and pain au chocolat tomorrow",
        "note: the motto is je pense donc je suis",
        "meet José at the café in Los Angeles on Mon",
    ],
)
def test_create_from_english_with_foreign_words_is_read_as_english(text):
    plan = understand(text)

    assert not plan.reply.startswith("Sorry, I only understand English")


def test_create_note_from_long_text_in_another_script_has_a_short_title():
    text = "明天提醒我买牛奶" * 200

    plan = understand(text)

    assert plan.intent == Intent.NOTE
    assert len(plan.notes[0].title) <= 120


def test_wake_up_request_says_how_to_get_a_reminder():
    plan = understand("wake me up at 6")

    assert plan.intent == Intent.UNSUPPORTED
    assert "remind me to wake up at 6" in plan.reply
    assert understand("remind me to wake up at 6").intent == Intent.TASK
