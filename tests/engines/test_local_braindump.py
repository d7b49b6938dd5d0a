from datetime import datetime

from notetaker.engines.base import Intent
from notetaker.engines.local.braindump import MAX_TASKS, items, title
from tests.engines.conftest import LISBON, understand


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


KITCHEN = """Kitchen renovation thoughts:
- The kitchen cabinets are too dark.
- The contractor quoted 4000 for the cabinets.
- Call the contractor on Monday at 9am, it's urgent
- Order tile samples by Friday
- Our budget is tight this month."""


def test_create_brain_dump_groups_related_statements():
    plan = understand(KITCHEN)

    assert plan.intent == Intent.BRAIN_DUMP
    note = plan.notes[0]
    assert note.title == "Kitchen renovation, contractor and cabinets"
    assert note.body == (
        "Kitchen renovation thoughts\n\n"
        "## Kitchen cabinets\n"
        "- The kitchen cabinets are too dark.\n"
        "- The contractor quoted 4000 for the cabinets.\n\n"
        "## Other notes\n"
        "- Our budget is tight this month.\n\n"
        "## Action items\n"
        "- [ ] Call the contractor (Mon 07 Dec 09:00, priority 1)\n"
        "- [ ] Order tile samples (Fri 11 Dec)"
    )


def test_create_brain_dump_task_per_action_with_own_date_and_priority():
    plan = understand(KITCHEN)

    assert [(t.title, t.due_at, t.due_has_time, t.priority) for t in plan.tasks] == [
        ("Call the contractor", lisbon(2026, 12, 7, 9), True, 1),
        ("Order tile samples", lisbon(2026, 12, 11), False, 4),
    ]


def test_create_brain_dump_from_numbered_lines():
    text = (
        "1. pay the water bill tomorrow\n"
        "2. the garage door squeaks again\n"
        "3. fix the garage door hinges on saturday\n"
        "4. the hinges are rusty"
    )

    plan = understand(text)

    assert plan.notes[0].title == "Garage door and hinges"
    assert [(t.title, t.due_at) for t in plan.tasks] == [
        ("Pay the water bill", lisbon(2026, 12, 5)),
        ("Fix the garage door hinges", lisbon(2026, 12, 5)),
    ]
    assert "## Notes\n- the garage door squeaks again\n- the hinges are rusty" in (
        plan.notes[0].body
    )


def test_create_brain_dump_from_run_on_sentence():
    text = (
        "spent the morning on the grant application and the deadline is the 20th, "
        "then email the grant office about the page limit and also book a room for "
        "the grant review next week"
    )

    plan = understand(text)

    assert plan.intent == Intent.BRAIN_DUMP
    assert plan.notes[0].title == "Grant application"
    assert [(t.title, t.due_at) for t in plan.tasks] == [
        ("Email the grant office about the page limit", None),
        ("Book a room for the grant review", lisbon(2026, 12, 7)),
    ]


def test_split_items_inline_numbers_and_semicolons():
    text = "Trip: 1) renew my passport; check the visa 2) the hotel has parking"

    assert items(text) == [
        "Trip:",
        "renew my passport",
        "check the visa",
        "the hotel has parking",
    ]


def test_split_items_keeps_then_inside_a_sentence():
    assert items("- if it rains then we stay in\n- call Ana, then email Bo") == [
        "if it rains then we stay in",
        "call Ana",
        "email Bo",
    ]


def test_title_brain_dump_from_repeated_phrases():
    statements = [
        "The wedding venue wants a deposit.",
        "Ask the venue about parking.",
        "Flowers for the wedding are booked.",
        "My cousin arrives late.",
    ]

    assert title(statements) == "Wedding venue"


def test_title_brain_dump_without_repeats_names_first_topics():
    assert title(["The boiler is noisy.", "Buy new bike lights."]) == (
        "Boiler and bike lights"
    )


def test_title_brain_dump_without_topics():
    assert title(["Do it.", "Then go."]) == "Brain dump"


def test_create_brain_dump_over_task_limit_says_how_many_were_kept():
    lines = "\n".join(f"- call client number {n} about the invoice" for n in range(120))

    plan = understand(lines)

    assert plan.intent == Intent.BRAIN_DUMP
    assert len(plan.tasks) == MAX_TASKS
    assert "There were 120 action items" in plan.reply
    assert "The other 70 are listed in the note" in plan.reply
    # Every item past the limit is kept, in the note, as a to-do to pick up later.
    body = plan.notes[0].body
    assert "- [ ] call client number 119 about the invoice" in body
    assert body.count("client number") == 120


def test_create_brain_dump_under_task_limit_reply_mentions_no_limit():
    plan = understand(KITCHEN)

    assert "action items" not in plan.reply
