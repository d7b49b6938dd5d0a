"""The messages sent to a model: one system message, recent turns, the new message.

Everything optional is packed into a token budget: whole items only, never a
message or a line cut in the middle. The instructions and the new message are
always sent; of what they leave, in this order of priority:

1. open tasks get up to half;
2. retrieved memories, most relevant first, up to a quarter of what remains;
3. recent turns what remains then, newest kept, back to the first that does not fit;
4. the conversation's summary the rest: its newest lines, oldest dropped first.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from ..base import EngineInput, TaskRef
from .tokens import TokenCounter, count_message

INSTRUCTIONS = """\
You organise a person's notes and tasks. Read their message and answer with one JSON \
object that follows the given schema, and nothing else.
- intent: task (something to do), note (something to remember), brain_dump (a long \
list of thoughts: one organised note in markdown sections plus a task for each action \
item), question (about their own notes and tasks), task_update (changes an open \
task), chit_chat (nothing to store), unsupported (something this app cannot do).
- reply: one or two friendly sentences to show the person, in their language.
- Dates (due, start, end): local wall-clock time in their timezone, written \
"YYYY-MM-DD HH:MM", or "YYYY-MM-DD" for a whole day, or the person's own words \
("next Friday at 3pm"). Never UTC, never an offset.
- priority: 1 urgent, 2 high, 3 medium, 4 normal. recurrence: an RFC 5545 RRULE \
body such as FREQ=WEEKLY;BYDAY=MO, or null.
- changes: only for the open tasks listed below, by their id.
- question: kind due_today, due_window (with start and end), overdue, open_tasks, or \
search (with the topic words in text); the app looks the answer up.
"""


MEMORIES_HEADING = "From their notes and finished tasks (may be relevant):"
SUMMARY_HEADING = "Earlier in this conversation:"
# The headings and the blank lines around them, counted generously, so that the
# sections never overrun the budget.
HEADING_TOKENS = 16


@dataclass(frozen=True, slots=True)
class Prompt:
    messages: list[dict[str, str]]
    tokens: int
    kept_turns: int
    kept_tasks: int
    kept_memories: int
    kept_summary_lines: int = 0


def build_prompt(message: EngineInput, counter: TokenCounter, budget: int) -> Prompt:
    """The chat messages for `message`, packed into `budget` tokens."""
    head = f"{INSTRUCTIONS}\n{_today(message)}"
    fixed = count_message(counter, head) + count_message(counter, message.text)
    room = max(0, budget - fixed)
    lines = (_task_line(task, message.now.tzinfo) for task in message.open_tasks)
    tasks, used_tasks = _section(lines, room // 2, counter)
    room -= used_tasks
    memories, used_memories = _section(message.memories, room // 4, counter)
    room -= used_memories
    turns_newest = [(t.role, t.content) for t in reversed(message.history)]
    turns, used_turns = _pack_turns(turns_newest, room, counter)
    room -= used_turns
    summary_newest = reversed(message.summary.splitlines())
    summary, used_summary = _section(summary_newest, room, counter)
    summary.reverse()
    system = _system(head, tasks, memories, summary)
    messages = [
        {"role": "system", "content": system},
        *({"role": role, "content": content} for role, content in reversed(turns)),
        {"role": "user", "content": message.text},
    ]
    tokens = fixed + used_tasks + used_memories + used_turns + used_summary
    return Prompt(messages, tokens, len(turns), len(tasks), len(memories), len(summary))


def pack(
    items: Iterable[str], budget: int, counter: TokenCounter
) -> tuple[list[str], int]:
    """The leading items whose lines fit in `budget`, and the tokens they take."""
    kept: list[str] = []
    used = 0
    for item in items:
        cost = counter.count(item) + 1  # its line break
        if used + cost > budget:
            break
        kept.append(item)
        used += cost
    return kept, used


def _section(
    lines: Iterable[str], budget: int, counter: TokenCounter
) -> tuple[list[str], int]:
    """`pack` for a section of the system message, its heading included."""
    kept, used = pack(lines, budget - HEADING_TOKENS, counter)
    return kept, (used + HEADING_TOKENS if kept else 0)


def _pack_turns(
    turns: Sequence[tuple[str, str]], budget: int, counter: TokenCounter
) -> tuple[list[tuple[str, str]], int]:
    kept: list[tuple[str, str]] = []
    used = 0
    for role, content in turns:
        cost = count_message(counter, content)
        if used + cost > budget:
            break
        kept.append((role, content))
        used += cost
    return kept, used


def _today(message: EngineInput) -> str:
    # The date only, not the time: relative times come back as the user's words and
    # are resolved on the server, and a prompt that changes each minute never hits
    # the cache.
    day = message.now.strftime("%A %Y-%m-%d")
    return f"Today is {day} in the timezone {message.timezone}."


def _task_line(task: TaskRef, zone: tzinfo | None) -> str:
    due = ""
    if task.due_at is not None:
        due = f" (due {task.due_at.astimezone(zone).strftime('%Y-%m-%d %H:%M')})"
    return f"- id {task.id}: {task.title}{due}, priority {task.priority}"


def _system(
    head: str, tasks: list[str], memories: list[str], summary: list[str]
) -> str:
    parts = [head]
    if tasks:
        parts.append("Open tasks:\n" + "\n".join(tasks))
    if memories:
        parts.append(f"{MEMORIES_HEADING}\n" + "\n".join(memories))
    if summary:
        parts.append(f"{SUMMARY_HEADING}\n" + "\n".join(summary))
    return "\n\n".join(parts)
