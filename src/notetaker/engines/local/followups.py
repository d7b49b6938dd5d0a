"""Which task "it" is in a follow-up ("mark it done", "move it to Friday").

The engine only sees the recent turns as text, so the task is the one the latest
turns name: a link to it in an answer ("/tasks/12") or its title in quotes, as every
confirmation quotes it ('Added task "Call Bob"'), or its title's words in one of the
user's own messages.
"""

import re

from ..base import TaskRef, Turn
from .updates import score

LOOK_BACK = 4  # turns: the last exchange and the one before it
NAMED = 0.85  # the title's words are in the message, spelt alike
_LINK = re.compile(r"\]\(/tasks/(\d+)\)")
_QUOTED = re.compile(r'"([^"\n]{1,500})"')
NAMING_CHARS = 300  # of a user's earlier message, searched for task titles


def recent_tasks(
    history: tuple[Turn, ...], tasks: tuple[TaskRef, ...]
) -> list[TaskRef]:
    """The open tasks the latest turn that names any names: "it" is the one task
    there, and several mean the user must say which."""
    for turn in reversed(history[-LOOK_BACK:]):
        named = _named_in(turn, tasks)
        if named:
            return named
    return []


def _named_in(turn: Turn, tasks: tuple[TaskRef, ...]) -> list[TaskRef]:
    if turn.role == "user":
        # A whole message is no reference: a task is named when its title is in it.
        text = turn.content[:NAMING_CHARS]
        return [t for t in tasks if score(t.title, text) >= NAMED]
    ids = {int(i) for i in _LINK.findall(turn.content)}
    titles = {t.casefold() for t in _QUOTED.findall(turn.content)}
    return [t for t in tasks if t.id in ids or t.title.casefold() in titles]
