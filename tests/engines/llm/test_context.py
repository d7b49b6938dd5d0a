from notetaker.engines.base import TaskRef, Turn
from notetaker.engines.llm.context import (
    INSTRUCTIONS,
    MEMORIES_HEADING,
    SUMMARY_HEADING,
    build_prompt,
    pack,
)
from notetaker.engines.llm.tokens import (
    BPECounter,
    EstimateCounter,
    count_message,
    default_counter,
)
from tests.engines.llm.conftest import message

COUNTER = EstimateCounter(chars_per_token=4.0)


def _history(count: int) -> tuple[Turn, ...]:
    roles = ("user", "assistant")
    return tuple(Turn(roles[i % 2], f"turn {i:03d} " + "x" * 30) for i in range(count))


def test_build_prompt_keeps_newest_turns_within_budget():
    history = _history(40)
    turn_cost = count_message(COUNTER, history[0].content)

    prompt = build_prompt(message(history=history), COUNTER, budget=600)

    turns = prompt.messages[1:-1]
    assert 0 < len(turns) < 40
    assert [t["content"] for t in turns] == [t.content for t in history[-len(turns) :]]
    assert prompt.tokens <= 600
    assert prompt.tokens + turn_cost > 600  # the next older turn would not fit


def test_build_prompt_never_splits_a_message():
    history = (Turn("user", "old " * 10), Turn("assistant", "y" * 4000))

    prompt = build_prompt(message(history=history), COUNTER, budget=800)

    # The newest turn is too big: nothing older is sent past it, and nothing cut.
    assert len(prompt.messages) == 2
    assert all(len(m["content"]) != 800 * 4 for m in prompt.messages)


def test_build_prompt_has_one_system_message_first():
    history = (Turn("user", "hi"), Turn("assistant", "hello"))

    prompt = build_prompt(message(history=history), COUNTER, budget=4000)

    roles = [m["role"] for m in prompt.messages]
    assert roles == ["system", "user", "assistant", "user"]
    assert prompt.messages[0]["content"].startswith(INSTRUCTIONS)
    assert prompt.messages[-1]["content"] == message().text


def test_build_prompt_lists_open_tasks_in_user_zone():
    from datetime import UTC, datetime

    due = datetime(2026, 12, 11, 15, 0, tzinfo=UTC)
    tasks = (TaskRef(7, "Call the dentist", due, 1),)

    prompt = build_prompt(message(open_tasks=tasks), COUNTER, budget=4000)

    system = prompt.messages[0]["content"]
    # 15:00 UTC is 15:00 in Lisbon in winter; the date line names the zone.
    assert "- id 7: Call the dentist (due 2026-12-11 15:00), priority 1" in system
    assert "Friday 2026-12-04 in the timezone Europe/Lisbon" in system
    assert prompt.kept_tasks == 1


def test_build_prompt_packs_memories_into_what_remains():
    memories = tuple(f"memory {i} " + "z" * 40 for i in range(100))

    prompt = build_prompt(message(memories=memories), COUNTER, budget=1000)

    assert 0 < prompt.kept_memories < 100
    assert "memory 0 " in prompt.messages[0]["content"]
    assert prompt.tokens <= 1000


def test_pack_items_stops_at_first_that_does_not_fit():
    kept, used = pack(["a" * 40, "b" * 400, "c" * 4], budget=20, counter=COUNTER)

    assert kept == ["a" * 40]
    assert used == 11


def test_count_tokens_with_bundled_bpe():
    counter = default_counter()

    assert isinstance(counter, BPECounter)
    assert counter.count("Remind me to call the dentist next Friday at 3pm") == 13
    # Words are not tokens: a long word is several tokens.
    assert counter.count("antidisestablishmentarianism") > 1


def test_estimate_tokens_errs_towards_more():
    text = "Remind me to call the dentist next Friday at 3pm, it's urgent."

    assert EstimateCounter().count(text) >= default_counter().count(text)


def test_build_prompt_packs_summary_and_memories_in_priority_order():
    memories = tuple(f"- note #{i}: " + "m" * 40 for i in range(40))
    summary = "\n".join(f"user: line {i:02d} " + "s" * 30 for i in range(60))
    history = _history(12)

    prompt = build_prompt(
        message(history=history, memories=memories, summary=summary),
        COUNTER,
        budget=1200,
    )

    system = prompt.messages[0]["content"]
    fixed = count_message(COUNTER, system.split("\n\n")[0]) + count_message(
        COUNTER, message().text
    )
    room = 1200 - fixed
    # Memories: the most relevant first, within a quarter of the room.
    assert 0 < prompt.kept_memories < 40
    assert "- note #0: " in system and "- note #39: " not in system
    memory_tokens = sum(COUNTER.count(m) + 1 for m in memories[: prompt.kept_memories])
    assert memory_tokens <= room // 4
    # Every recent turn fits before the summary gets anything.
    assert prompt.kept_turns == 12
    # The summary's newest lines, whole, oldest dropped first.
    assert 0 < prompt.kept_summary_lines < 60
    kept = system.split(SUMMARY_HEADING + "\n", 1)[1].splitlines()
    assert kept == summary.splitlines()[-prompt.kept_summary_lines :]
    assert prompt.tokens <= 1200


def test_build_prompt_turns_before_summary_when_budget_is_tight():
    summary = "user: an old line"
    history = _history(40)

    prompt = build_prompt(
        message(history=history, summary=summary), COUNTER, budget=600
    )

    assert 0 < prompt.kept_turns < 40
    assert prompt.kept_summary_lines == 0
    assert SUMMARY_HEADING not in prompt.messages[0]["content"]


def test_build_prompt_counts_section_headings():
    memories = ("- note #1: short",)

    prompt = build_prompt(message(memories=memories), COUNTER, budget=4000)
    bare = build_prompt(message(), COUNTER, budget=4000)

    assert MEMORIES_HEADING in prompt.messages[0]["content"]
    assert prompt.tokens - bare.tokens >= COUNTER.count(MEMORIES_HEADING)
