from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from notetaker.engines.base import Plan, TaskRef
from tests.engines.conftest import LISBON_NOW, NEW_YORK_NOW, understand

WORDS = st.sampled_from(
    "remind me to call mark may april tomorrow next friday at 3pm 9 every monday "
    "the 5th 3/4 2027-03-04 $20 0.5 urgent p1 #tag done move delete what's due ? "
    "mark report dentist by noon tonight in 3 hours 🎉 日本語 Ωmega \n - * !!".split()
)
# Emoji, CJK, Cyrillic, Arabic and Devanagari mixed with the words rules look for.
MIXED = st.lists(
    st.one_of(
        WORDS,
        st.text(
            alphabet=st.characters(
                codec="utf-8",
                include_characters="🎉👍🏽🔥日本語中文Привет مرحبا नमस्ते",
            ),
            min_size=1,
            max_size=8,
        ),
    ),
    max_size=30,
).map(" ".join)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=40).map(" ".join),
    MIXED,
)
OPEN = (TaskRef(1, "Call the dentist"), TaskRef(2, "Write the report"))


def datetimes_in(plan: Plan) -> list[datetime]:
    found = [t.due_at for t in plan.tasks] + [c.due_at for c in plan.changes]
    if plan.question:
        found += [plan.question.start, plan.question.end]
    return [value for value in found if value is not None]


@settings(max_examples=300, deadline=None)
@given(text=TEXT, now=st.sampled_from([LISBON_NOW, NEW_YORK_NOW]))
def test_understand_any_text_gives_aware_plan(text, now):
    plan = understand(text, now=now, open_tasks=OPEN)

    assert plan.reply
    for value in datetimes_in(plan):
        assert value.tzinfo is not None
        assert value.utcoffset() == now.tzinfo.utcoffset(value.replace(tzinfo=None))


def test_understand_long_message():
    line = "Call Ana tomorrow at 3pm about the 🎉 budget, it's urgent. 日本語のメモ.\n"
    text = (line * (100_000 // len(line) + 1))[:100_000]

    started = datetime.now()
    plan = understand(text, open_tasks=OPEN)

    assert plan.intent == "brain_dump"
    assert len(plan.tasks) == 50
    assert datetime.now() - started < timedelta(seconds=30)


def test_understand_empty_message():
    assert understand("").intent == "chit_chat"
    assert understand("   \n ").intent == "chit_chat"


@settings(max_examples=5, deadline=None)
@given(text=MIXED)
def test_understand_100kb_mixed_script_message(text):
    big = ((text or "note 日本語 🎉") + "\n") * (100_000 // (len(text) + 1) + 1)

    plan = understand(big[:100_000], open_tasks=OPEN)

    assert plan.reply
    assert all(value.tzinfo is not None for value in datetimes_in(plan))
