"""Long-term memories for the LLM engines: the user's own notes and finished tasks
that share words with the message, found by a cheap lexical score.

A word of the message found in a title scores 1, a word that is one of the item's
tags 2; the best few items, newest first among equals, go into the prompt.
"""

import re

from sqlalchemy import (
    Integer,
    String,
    bindparam,
    case,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.models import Note, Tag, Task

MAX_MEMORIES = 8
MAX_WORDS = 8
EXCERPT_CHARS = 160
_WORD = re.compile(r"[^\W\d_]{3,}")
# Words that would match almost every title.
_COMMON = frozenset(
    "the and for with that this what when where which about from have has had "
    "you your are was were will would can could should need needs please remind "
    "tell show list find add make note task tasks notes".split()
)


def keywords(text: str) -> list[str]:
    """The message's distinct content words, lower-cased, at most MAX_WORDS."""
    words = dict.fromkeys(w for w in _WORD.findall(text.lower()) if w not in _COMMON)
    return list(words)[:MAX_WORDS]


async def recall(session: AsyncSession, *, user_id: int, text: str) -> tuple[str, ...]:
    """The user's most relevant notes and done tasks, one line each; only theirs.

    TODO: this scans the user's notes and done tasks (LIKE cannot use an index); a
    full-text index would keep it cheap for collections of many thousands.
    """
    words = keywords(text)
    if not words:
        return ()
    params: dict[str, object] = {"user_id": user_id}
    for slot in range(MAX_WORDS):
        word = words[slot] if slot < len(words) else None
        params[f"word_{slot}"] = word
        # Keywords are letters only: nothing in them is a LIKE wildcard.
        params[f"pattern_{slot}"] = None if word is None else f"%{word}%"
    rows = await session.execute(_RECALL, params)
    return tuple(_line(row) for row in rows)


def _score(title, tags):
    # A slot without a word binds NULL, which matches nothing.
    in_title = [
        case((title.ilike(bindparam(f"pattern_{slot}")), 1), else_=0)
        for slot in range(MAX_WORDS)
    ]
    words = [bindparam(f"word_{slot}") for slot in range(MAX_WORDS)]
    tagged = case((tags.any(Tag.name.in_(words)), 2), else_=0)
    return sum(in_title, tagged)


def _recall_statement():
    """Built once: one shape whatever the message, so SQLAlchemy compiles it once."""
    user_id = bindparam("user_id")
    notes = select(
        literal("note", String).label("kind"),
        Note.id,
        Note.title,
        func.substr(Note.body, 1, EXCERPT_CHARS).label("extra"),
        _score(Note.title, Note.tags).cast(Integer).label("score"),
        Note.updated_at,
    ).where(Note.user_id == user_id, Note.archived.is_(False))
    # Open tasks are in the prompt already.
    done_tasks = select(
        literal("task", String).label("kind"),
        Task.id,
        Task.title,
        literal("", String).label("extra"),
        _score(Task.title, Task.tags).cast(Integer).label("score"),
        Task.updated_at,
    ).where(Task.user_id == user_id, Task.status == "done")
    found = union_all(notes, done_tasks).subquery()
    return (
        select(found)
        .where(found.c.score > 0)
        .order_by(found.c.score.desc(), found.c.updated_at.desc(), found.c.id.desc())
        .limit(MAX_MEMORIES)
    )


_RECALL = _recall_statement()


def _line(row) -> str:
    if row.kind == "task":
        return f"- done task #{row.id}: {row.title}"
    excerpt = " ".join((row.extra or "").split())
    return f"- note #{row.id}: {row.title}" + (f": {excerpt}" if excerpt else "")
