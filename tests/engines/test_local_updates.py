from datetime import UTC, datetime

import pytest

from notetaker.engines.base import Intent, TaskRef
from tests.engines.conftest import LISBON, NEW_YORK, NEW_YORK_NOW, understand


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


DATED_TASKS = (
    TaskRef(1, "Write the report", due_at=lisbon(2026, 12, 7)),
    TaskRef(2, "Call the dentist", due_at=lisbon(2026, 12, 8, 15)),
    TaskRef(3, "Buy milk"),
    TaskRef(4, "Send invoice to Acme", due_at=lisbon(2026, 12, 10, 9, 30)),
)


@pytest.mark.parametrize(
    ("text", "task_id", "due", "has_time"),
    [
        ("push the report back two days", 1, lisbon(2026, 12, 9), False),
        ("push back the report 3 days", 1, lisbon(2026, 12, 10), False),
        ("postpone the dentist by a week", 2, lisbon(2026, 12, 15, 15), True),
        ("move the dentist forward an hour", 2, lisbon(2026, 12, 8, 14), True),
        ("bring the invoice forward a day", 4, lisbon(2026, 12, 9, 9, 30), True),
        ("delay the invoice by half an hour", 4, lisbon(2026, 12, 10, 10), True),
        ("can you put off the report a couple of days", 1, lisbon(2026, 12, 9),
         False),
        ("shift the dentist 2 weeks later", 2, lisbon(2026, 12, 22, 15), True),
    ],
)  # fmt: skip
def test_update_task_reschedule_by_offset(text, task_id, due, has_time):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    change = plan.changes[0]
    assert (change.task_id, change.action) == (task_id, "reschedule")
    assert (change.due_at, change.due_has_time) == (due, has_time)


def test_update_task_reschedule_by_offset_replies_new_date():
    plan = understand("push the report back two days", open_tasks=DATED_TASKS)

    assert plan.reply == 'Moved "Write the report" to Wed 09 Dec.'


def test_update_task_reschedule_by_offset_without_due_date_changes_nothing():
    plan = understand("push the milk back a day", open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []
    assert plan.reply == '"Buy milk" has no due date to move from. When is it due?'


def test_update_task_reschedule_by_days_keeps_wall_clock_across_dst():
    # 9:00 on the Saturday before US clocks spring forward, moved a day: still 9:00.
    due = datetime(2027, 3, 13, 9, tzinfo=NEW_YORK)
    tasks = (TaskRef(7, "Pay rent", due_at=due.astimezone(UTC)),)

    plan = understand("push rent back a day", now=NEW_YORK_NOW, open_tasks=tasks)

    assert plan.changes[0].due_at == datetime(2027, 3, 14, 9, tzinfo=NEW_YORK)


def test_update_task_reschedule_by_offset_reads_naive_due_as_utc():
    tasks = (TaskRef(8, "Renew passport", due_at=datetime(2026, 12, 7, 12)),)

    plan = understand("push the passport back one day", open_tasks=tasks)

    assert plan.changes[0].due_at == datetime(2026, 12, 8, 12, tzinfo=UTC)


def test_update_task_offset_ambiguous_asks_which_and_changes_nothing():
    tasks = (
        TaskRef(1, "Call the bank", due_at=lisbon(2026, 12, 7)),
        TaskRef(2, "Visit the bank", due_at=lisbon(2026, 12, 8)),
    )

    plan = understand("push the bank one back a day", open_tasks=tasks)

    assert plan.changes == []
    assert plan.reply == 'Which one do you mean: "Call the bank" or "Visit the bank"?'


@pytest.mark.parametrize(
    "text",
    [
        "trash the shopping list",
        "throw away my packing list please",
        "clean out my calendar",
        "take the eggs off the shopping list",
        "on my grocery list, remove eggs",
        "scratch the oil change from my list",
    ],
)
def test_update_task_delete_from_list_phrasings(text):
    assert understand(text).intent == Intent.TASK_UPDATE


def test_update_task_delete_names_task_after_place():
    tasks = (TaskRef(5, "Eggs"), TaskRef(6, "Flour"))

    plan = understand("on my shopping list, remove the eggs", open_tasks=tasks)

    assert [(c.task_id, c.action) for c in plan.changes] == [(5, "delete")]


def test_update_task_cancel_dated_event_is_update():
    plan = understand("cancel lunch with Ruth tomorrow")

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []


def test_create_task_take_out_chore_is_not_update():
    plan = understand("take out the recycling tonight")

    assert plan.intent == Intent.TASK
    assert plan.tasks[0].title == "Take out the recycling"


@pytest.mark.parametrize(
    "text",
    [
        "the shop ran out of flour so could you please delete the flour one",
        "if the plumber cancels then remove it",
    ],
)
def test_update_task_request_after_preamble(text):
    tasks = (TaskRef(5, "Buy flour"), TaskRef(6, "Buy eggs"))

    plan = understand(text, open_tasks=tasks)

    assert plan.intent == Intent.TASK_UPDATE
    assert [c.action for c in plan.changes] == (["delete"] if "flour" in text else [])


@pytest.mark.parametrize(
    ("text", "task_id", "action", "due"),
    [
        # A new day keeps the task's time of day, a new time keeps its day.
        ("my dentist reminder should be moved to friday", 2, "reschedule",
         lisbon(2026, 12, 11, 15)),
        ("I need the invoice task changed to 5pm", 4, "reschedule",
         lisbon(2026, 12, 10, 17)),
        ("the report task has to be on tuesday, not monday", 1, "reschedule",
         lisbon(2026, 12, 8)),
        ("I want the milk reminder cancelled", 3, "delete", None),
    ],
)  # fmt: skip
def test_update_task_from_wanted_state(text, task_id, action, due):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.task_id, c.action, c.due_at) for c in plan.changes] == [
        (task_id, action, due)
    ]


def test_update_task_pronoun_refers_to_preamble():
    plan = understand(
        "the acme invoice, could you push it back a day", open_tasks=DATED_TASKS
    )

    assert [(c.task_id, c.due_at) for c in plan.changes] == [
        (4, lisbon(2026, 12, 11, 9, 30))
    ]


@pytest.mark.parametrize(
    "text", ["my dog is at the vet", "the meeting room was moved to the 3rd floor"]
)
def test_create_note_from_statement_shaped_like_wanted_state(text):
    assert understand(text, open_tasks=DATED_TASKS).intent == Intent.NOTE


def test_update_task_reschedule_without_date_asks_when():
    plan = understand("could you reschedule the dentist", open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes == []
    assert plan.reply == 'When should "Call the dentist" move to?'


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # A new day keeps the task's 15:00; a new time keeps its day.
        ("move the dentist to Monday", lisbon(2026, 12, 7, 15)),
        ("actually make the dentist 2pm", lisbon(2026, 12, 8, 14)),
        ("reschedule the dentist for tomorrow", lisbon(2026, 12, 5, 15)),
        ("move the dentist to Monday at 9am", lisbon(2026, 12, 7, 9)),
    ],
)
def test_update_task_reschedule_keeps_the_part_not_said(text, due):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    change = plan.changes[0]
    assert (change.task_id, change.action) == (2, "reschedule")
    assert (change.due_at, change.due_has_time) == (due, True)


def test_update_task_reschedule_all_day_task_stays_all_day():
    plan = understand("move the report to Friday", open_tasks=DATED_TASKS)

    change = plan.changes[0]
    assert (change.due_at, change.due_has_time) == (lisbon(2026, 12, 11), False)


@pytest.mark.parametrize(
    ("text", "status", "reply"),
    [
        ("mark the report as in progress", "in_progress",
         'Marked "Write the report" as in progress.'),
        ("set the report to started", "in_progress",
         'Marked "Write the report" as in progress.'),
        ("put the report on hold", "blocked", 'Marked "Write the report" as blocked.'),
        ("I started the report", "in_progress",
         'Marked "Write the report" as in progress.'),
    ],
)  # fmt: skip
def test_update_task_status(text, status, reply):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.task_id, c.action, c.status) for c in plan.changes] == [
        (1, "set_status", status)
    ]
    assert plan.reply == reply


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("change the priority of the report to urgent", 1),
        ("set the priority of the invoice to high", 2),
        ("change the report's priority to low", 4),
        ("set the priority for the dentist to 3", 3),
    ],
)
def test_update_task_priority_said_as_priority_of(text, priority):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.action, c.priority) for c in plan.changes] == [
        ("set_priority", priority)
    ]


@pytest.mark.parametrize(
    ("text", "priority"),
    [("mark the milk as urgent", 1), ("mark buy milk as medium priority", 3)],
)
def test_update_task_priority_said_after_mark(text, priority):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert [(c.task_id, c.action, c.priority) for c in plan.changes] == [
        (3, "set_priority", priority)
    ]


def test_update_task_snooze_until_a_day_keeps_its_time():
    plan = understand("snooze the dentist until tomorrow", open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    assert plan.changes[0].due_at == lisbon(2026, 12, 5, 15)


@pytest.mark.parametrize(
    ("text", "task_id", "due", "has_time"),
    [
        # Not due yet: later than its own due time.
        ("snooze the dentist for 2 hours", 2, lisbon(2026, 12, 8, 17), True),
        # No due date: counted from now (Friday 10:00).
        ("snooze the milk for 2 hours", 3, lisbon(2026, 12, 4, 12), True),
        ("snooze the milk for a day", 3, lisbon(2026, 12, 5), False),
    ],
)
def test_update_task_snooze_by_amount(text, task_id, due, has_time):
    plan = understand(text, open_tasks=DATED_TASKS)

    assert plan.intent == Intent.TASK_UPDATE
    change = plan.changes[0]
    assert (change.task_id, change.action) == (task_id, "reschedule")
    assert (change.due_at, change.due_has_time) == (due, has_time)
    assert plan.reply.startswith("Snoozed ")


def test_update_task_snooze_without_amount_asks_until_when():
    plan = understand("snooze the report", open_tasks=DATED_TASKS)

    assert plan.changes == []
    assert plan.reply == 'Until when should I snooze "Write the report"?'


def test_reply_unsupported_snooze_of_an_alarm():
    plan = understand("snooze my alarm for 10 minutes", open_tasks=DATED_TASKS)

    assert plan.intent == Intent.UNSUPPORTED


@pytest.mark.parametrize(
    "text",
    ["I already paid the rent", "I've paid the rent", "I just sent the invoice"],
)
def test_update_task_complete_from_past_tense(text):
    tasks = (TaskRef(1, "Pay the rent"), TaskRef(2, "Send invoice to Acme"))

    plan = understand(text, open_tasks=tasks)

    assert plan.intent == Intent.TASK_UPDATE
    assert [c.action for c in plan.changes] == ["complete"]
    assert plan.tasks == []


@pytest.mark.parametrize(
    ("text", "task_id"),
    [
        ("I finished the dentist task", 1),
        ("I'm done with the report", 2),
        ("I finished the report", 2),
        ("I just completed the report", 2),
        ("finished calling Ana", 3),
        ("I finished calling Ana", 3),
    ],
)
def test_update_task_complete_from_statement_of_completion(text, task_id):
    tasks = (TaskRef(1, "Call the dentist"), TaskRef(2, "Write the report"))
    tasks += (TaskRef(3, "Call Ana"), TaskRef(4, "Buy milk"))

    plan = understand(text, open_tasks=tasks)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.action, c.task_id) for c in plan.changes] == [("complete", task_id)]


def test_create_note_from_finished_something_not_a_task():
    plan = understand("I finished my book", open_tasks=(TaskRef(1, "Buy milk"),))

    assert plan.intent == Intent.NOTE
    assert plan.changes == []


@pytest.mark.parametrize(
    "text",
    [
        "don't remind me to call Bob",
        "cancel the reminder to call Bob",
        "stop reminding me about calling Bob",
        "no need to remind me to call Bob anymore",
    ],
)
def test_delete_task_when_told_not_to_remind(text):
    tasks = (TaskRef(1, "Call Bob"), TaskRef(2, "Buy milk"))

    plan = understand(text, open_tasks=tasks)

    assert plan.intent == Intent.TASK_UPDATE
    assert [(c.task_id, c.action) for c in plan.changes] == [(1, "delete")]
    assert plan.tasks == []


def test_delete_task_when_told_not_to_remind_and_nothing_matches():
    plan = understand(
        "don't remind me to call Bob", open_tasks=(TaskRef(2, "Buy milk"),)
    )

    assert plan.intent == Intent.TASK_UPDATE
    assert (plan.tasks, plan.changes) == ([], [])
    assert plan.reply == 'I couldn\'t find an open task matching "call Bob".'
