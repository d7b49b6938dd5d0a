"""A long, mixed message as one organised note plus a task per action item."""

import re
from collections import Counter
from datetime import datetime

from ..base import DateOrder, NoteDraft, TaskDraft
from .intents import is_task_like
from .replies import when
from .tasks import draft_task
from .updates import content_words, stem

MIN_ITEMS = 3
MIN_LENGTH = 120
MAX_TASKS = 50  # a pasted document must not flood the task list
_BULLET = re.compile(r"^\s*(?:[-*•·‣◦+]|\d{1,3}[.)]|\[[ xX]?\])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
_TOPIC_MIN_LENGTH = 4
_WORD = re.compile(r"[^\W_]+")


def items(text: str) -> list[str]:
    """The separate statements of a message: bullets, lines, then sentences."""
    found: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        found += [s.strip() for s in _SENTENCE_END.split(line) if s.strip(" .;")]
    return found


def is_brain_dump(text: str) -> bool:
    bullets = sum(1 for line in text.splitlines() if _BULLET.match(line))
    count = len(items(text))
    return count >= MIN_ITEMS and (len(text) >= MIN_LENGTH or bullets >= MIN_ITEMS)


def organise(
    text: str, now: datetime, order: DateOrder
) -> tuple[NoteDraft, list[TaskDraft]]:
    """One note with sections of related statements, and the tasks among them."""
    statements = items(text)
    actions = [s for s in statements if is_task_like(s)][:MAX_TASKS]
    tasks = [draft_task(s, now, order) for s in actions]
    notes = [s for s in statements if s not in actions]
    body = "\n\n".join(_sections(notes) + _action_section(tasks))
    return NoteDraft(title=_title(statements), body=body), tasks


def _title(statements: list[str]) -> str:
    counts = Counter(w for s in statements for w in set(_topics(s)))
    top = [_surface(word, statements).lower() for word, _ in counts.most_common(3)]
    if not top:
        return "Brain dump"
    named = ", ".join(top[:-1]) + f" and {top[-1]}" if len(top) > 1 else top[0]
    return ("Notes on " + named)[:120]


def _topics(sentence: str) -> list[str]:
    return [w for w in content_words(sentence) if len(w) >= _TOPIC_MIN_LENGTH]


def _sections(sentences: list[str]) -> list[str]:
    groups: list[tuple[set[str], list[str]]] = []
    for sentence in sentences:
        words = set(_topics(sentence))
        group = next((g for g in groups if g[0] & words), None)
        if group is None:
            groups.append((words, [sentence]))
        else:
            group[0].update(words)
            group[1].append(sentence)
    # Statements that share no topic with another one go together at the end.
    loose = [lines[0] for _, lines in groups if len(lines) == 1]
    sections = [_section(words, lines) for words, lines in groups if len(lines) > 1]
    if loose:
        heading = "Notes" if not sections else "Other notes"
        sections.append(f"## {heading}\n" + "\n".join(f"- {line}" for line in loose))
    return sections


def _section(words: set[str], lines: list[str]) -> str:
    counts = Counter(w for line in lines for w in set(_topics(line)) if w in words)
    heading = _surface(counts.most_common(1)[0][0], lines) if counts else "Notes"
    return f"## {heading}\n" + "\n".join(f"- {line}" for line in lines)


def _surface(stemmed: str, lines: list[str]) -> str:
    """The word as the user wrote it ("Marketing"), not its stem ("market")."""
    for word in (w for line in lines for w in _WORD.findall(line)):
        if stem(word) == stemmed:
            return word.capitalize()
    return stemmed.capitalize()


def _action_section(tasks: list[TaskDraft]) -> list[str]:
    if not tasks:
        return []
    lines = [f"- [ ] {t.title}" + (f" ({when(t)})" if t.due_at else "") for t in tasks]
    return ["## Action items\n" + "\n".join(lines)]
