"""A long, mixed message as one organised note plus a task per action item.

The note is titled after what the statements keep coming back to, related
statements (sharing a topic word) are grouped under a heading, and every action
item becomes a task with its own date and priority, listed under "Action items".
"""

import re
from dataclasses import dataclass
from datetime import datetime

from ..base import DateOrder, NoteDraft, TaskDraft
from .intents import is_task_like
from .replies import when
from .tasks import draft_task
from .topics import phrases, salient

MIN_ITEMS = 3
MIN_LENGTH = 120
# A pasted document must not flood the task list; the action items past this many
# are kept in the note, and the reply says so.
MAX_TASKS = 50
MAX_TITLE = 120
_BULLET = re.compile(r"^\s*(?:[-*•·‣◦+]|\d{1,3}[.)]|\[[ xX]?\])\s+")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))\d{1,2}[.)]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
# Run-on lists: "call mum and then book the vet, also renew the passport".
_RUN_ON = re.compile(
    r"\s*(?:,\s*(?:and\s+)?(?:also|then|plus)|\s+and\s+(?:also|then))\s+(?=\w)", re.I
)
# "Random thoughts after the offsite:" introduces the list rather than being in it.
_LEAD = re.compile(r"^[^.!?\n]{1,80}:\s*$")


def items(text: str) -> list[str]:
    """The separate statements of a message: bullets, lines, sentences, run-ons."""
    found: list[str] = []
    for line in _body_lines(text):
        for sentence in (
            s for part in _numbered(line) for s in _SENTENCE_END.split(part)
        ):
            found += [p.strip(" ;") for p in _RUN_ON.split(sentence) if p.strip(" .;,")]
    return found


def _numbered(line: str) -> list[str]:
    """ "1. order the cake 2. book the hall" as one part per number."""
    if len(_INLINE_NUMBER.findall(line)) < 2:
        return [line]
    return [p.strip() for p in _INLINE_NUMBER.split(line) if p.strip()]


def _body_lines(text: str) -> list[str]:
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    return [line for line in lines if line and not _LEAD.match(line)]


def lead(text: str) -> str:
    """The line that introduces the list, if the message has one."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if _LEAD.match(first) else ""


def is_brain_dump(text: str) -> bool:
    bullets = sum(1 for line in text.splitlines() if _BULLET.match(line))
    count = len(items(text))
    return count >= MIN_ITEMS and (len(text) >= MIN_LENGTH or bullets >= MIN_ITEMS)


@dataclass(frozen=True, slots=True)
class Dump:
    note: NoteDraft
    tasks: list[TaskDraft]
    left_out: int  # action items over MAX_TASKS, listed in the note only


def organise(text: str, now: datetime, order: DateOrder) -> Dump:
    """One note with sections of related statements, and the tasks among them."""
    statements = items(text)
    to_do = [is_task_like(s) for s in statements]
    actions = [s for s, is_action in zip(statements, to_do, strict=True) if is_action]
    notes = [s for s, is_action in zip(statements, to_do, strict=True) if not is_action]
    tasks = [draft_task(s, now, order) for s in actions[:MAX_TASKS]]
    intro = [lead(text).rstrip(":")] if lead(text) else []
    sections = _sections(notes) + _action_section(tasks)
    sections += _left_out_section(actions[MAX_TASKS:])
    body = "\n\n".join(intro + sections)
    note = NoteDraft(title=title(statements, lead(text)), body=body)
    return Dump(note, tasks, len(actions) - len(tasks))


def title(statements: list[str], lead_line: str = "") -> str:
    """What the dump is about: its most salient noun phrases."""
    topics = salient(statements, lead=lead_line)
    if not topics:
        return "Brain dump"
    named = topics[0]
    if len(topics) > 1:
        named = ", ".join(topics[:-1]) + f" and {topics[-1]}"
    return (named[:1].upper() + named[1:])[:MAX_TITLE]


def _sections(sentences: list[str]) -> list[str]:
    groups = _groups(sentences)
    sections = [_section(lines) for lines in groups if len(lines) > 1]
    # Statements that share no topic with another one go together at the end.
    loose = [lines[0] for lines in groups if len(lines) == 1]
    if loose:
        heading = "Notes" if not sections else "Other notes"
        sections.append(_listed(heading, loose))
    return sections


def _groups(sentences: list[str]) -> list[list[str]]:
    """Sentences joined when they share a topic word, directly or through another."""
    groups: list[tuple[set[str], list[str]]] = []
    for sentence in sentences:
        words = {s for p in phrases(sentence) for s in p.stems}
        joined = [g for g in groups if g[0] & words]
        merged = (words.union(*(g[0] for g in joined)), [])
        for group in joined:
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].append(sentence)
        groups.append(merged)
    ordered = [sorted(lines, key=sentences.index) for _, lines in groups]
    return sorted(ordered, key=lambda lines: sentences.index(lines[0]))


def _section(lines: list[str]) -> str:
    topics = salient(lines, limit=1)
    heading = topics[0] if topics else "Notes"
    return _listed(heading[:1].upper() + heading[1:], lines)


def _listed(heading: str, lines: list[str]) -> str:
    return f"## {heading}\n" + "\n".join(f"- {line}" for line in lines)


def _action_section(tasks: list[TaskDraft]) -> list[str]:
    if not tasks:
        return []
    return ["## Action items\n" + "\n".join(_action_line(t) for t in tasks)]


def _left_out_section(actions: list[str]) -> list[str]:
    if not actions:
        return []
    heading = f"## More action items (not added as tasks: over {MAX_TASKS})"
    return [heading + "\n" + "\n".join(f"- [ ] {line}" for line in actions)]


def _action_line(task: TaskDraft) -> str:
    details = [when(task)] if task.due_at else []
    if task.priority < 4:
        details.append(f"priority {task.priority}")
    return f"- [ ] {task.title}" + (f" ({', '.join(details)})" if details else "")
