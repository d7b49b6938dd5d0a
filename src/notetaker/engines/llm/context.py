"""The messages sent to a model: one system message, recent turns, the new message.

Everything optional is packed into a token budget: whole items only, never a
message cut in the middle. Open tasks get up to half of what the instructions and
the new message leave, recent turns what remains (newest kept, back to the first
that does not fit), retrieved memories the rest.
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


@dataclass(frozen=True, slots=True)
class Prompt:
    messages: list[dict[str, str]]
    tokens: int
    kept_turns: int
    kept_tasks: int
    kept_memories: int


def build_prompt(message: EngineInput, counter: TokenCounter, budget: int) -> Prompt:
    """The chat messages for `message`, packed into `budget` tokens."""
    head = f"{INSTRUCTIONS}\n{_today(message)}"
    fixed = count_message(counter, head) + count_message(counter, message.text)
    room = max(0, budget - fixed)
    lines = (_task_line(task, message.now.tzinfo) for task in message.open_tasks)
    tasks, used_tasks = pack(lines, room // 2, counter)
    room -= used_tasks
    turns_newest = [(t.role, t.content) for t in reversed(message.history)]
    turns, used_turns = _pack_turns(turns_newest, room, counter)
    room -= used_turns
    memories, used_memories = pack(message.memories, room, counter)
    system = _system(head, tasks, memories)
    messages = [
        {"role": "system", "content": system},
        *({"role": role, "content": content} for role, content in reversed(turns)),
        {"role": "user", "content": message.text},
    ]
    tokens = fixed + used_tasks + used_turns + used_memories
    return Prompt(messages, tokens, len(turns), len(tasks), len(memories))


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


def _system(head: str, tasks: list[str], memories: list[str]) -> str:
    parts = [head]
    if tasks:
        parts.append("Open tasks:\n" + "\n".join(tasks))
    if memories:
        parts.append("Things they told you before:\n" + "\n".join(memories))
    return "\n\n".join(parts)
