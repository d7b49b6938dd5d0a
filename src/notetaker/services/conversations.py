from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, Update, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.errors import NotFound
from notetaker.db.types import utcnow
from notetaker.events import outbox
from notetaker.models import Conversation, Message, ThinkingStep
from notetaker.schemas.conversation import MessageRead


class ConversationNotFound(NotFound):
    """The conversation is not the user's, or was deleted meanwhile."""

    def __init__(self, conversation_id: int) -> None:
        details = {"conversation_id": conversation_id}
        super().__init__("Conversation not found.", details=details)


async def create_conversation(
    session: AsyncSession, *, user_id: int, title: str
) -> Conversation:
    conversation = Conversation(user_id=user_id, title=title)
    session.add(conversation)
    await session.flush()
    return conversation


async def list_conversations(
    session: AsyncSession, *, user_id: int, limit: int, offset: int
) -> tuple[list[Conversation], int]:
    query = select(Conversation).where(Conversation.user_id == user_id)
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    page = query.order_by(Conversation.updated_at.desc(), Conversation.id.desc())
    items = await session.scalars(page.limit(limit).offset(offset))
    return list(items), total or 0


async def get_conversation(
    session: AsyncSession, *, user_id: int, conversation_id: int
) -> Conversation:
    conversation = await session.get(Conversation, conversation_id)
    if conversation is None or conversation.user_id != user_id:
        raise ConversationNotFound(conversation_id)
    return conversation


async def lock_conversation(
    session: AsyncSession, *, user_id: int, conversation_id: int
) -> None:
    """Hold off a delete of the user's conversation until this transaction ends;
    404 if it is gone.

    A transaction that writes into a conversation calls this before anything
    else. Deleting a conversation locks its row before its messages and what
    refers to them; a writer that reached those first and the conversation's row
    only when inserting a message (its foreign key check) would deadlock with it.
    Shared, so sends into one conversation still run side by side. (SQLite has no
    row locks; there the writers' turns keep them apart, and this checks.)
    """
    query = (
        select(Conversation.id)
        .where(Conversation.id == conversation_id, Conversation.user_id == user_id)
        .with_for_update(read=True)
    )
    if await session.scalar(query) is None:
        raise ConversationNotFound(conversation_id)


async def rename_conversation(
    session: AsyncSession, *, conversation: Conversation, title: str
) -> Conversation:
    conversation.title = title
    await session.flush()
    return conversation


async def delete_conversation(
    session: AsyncSession, *, conversation: Conversation
) -> None:
    await session.delete(conversation)
    await session.flush()


async def list_messages(
    session: AsyncSession, *, conversation_id: int, before: int | None, limit: int
) -> tuple[list[Message], int | None]:
    """A page of messages, newest first, and the cursor for the older page."""
    query = select(Message).where(Message.conversation_id == conversation_id)
    if before is not None:
        query = query.where(Message.id < before)
    rows = list(
        await session.scalars(query.order_by(Message.id.desc()).limit(limit + 1))
    )
    has_more = len(rows) > limit
    page = rows[:limit]
    return page, page[-1].id if has_more else None


async def list_thinking_steps(
    session: AsyncSession, *, message_ids: list[int]
) -> dict[int, list[ThinkingStep]]:
    """The thinking steps of these messages, in order, by message id: one query
    for a whole page of messages."""
    if not message_ids:
        return {}
    query = (
        select(ThinkingStep)
        .where(ThinkingStep.message_id.in_(message_ids))
        .order_by(ThinkingStep.message_id, ThinkingStep.position)
    )
    steps: dict[int, list[ThinkingStep]] = {}
    for step in await session.scalars(query):
        steps.setdefault(step.message_id, []).append(step)
    return steps


@dataclass(frozen=True, slots=True)
class Recent:
    """A conversation's summary and its newest messages (newest first)."""

    summary: str
    summary_through: int | None
    messages: Sequence[Row]  # id, role, content, status


# The statements of every message, built once, on the tables: run through the
# session, a statement on the mapped classes takes the ORM's slower path.
_conversations, _messages = Conversation.__table__.c, Message.__table__.c

_RECENT = (
    select(
        _conversations.summary,
        _conversations.summary_through,
        _messages.id,
        _messages.role,
        _messages.content,
        _messages.status,
    )
    .outerjoin(Message.__table__, _messages.conversation_id == _conversations.id)
    .where(
        _conversations.id == bindparam("conversation_id"),
        _conversations.user_id == bindparam("user_id"),
    )
    .order_by(_messages.id.desc())
    .limit(bindparam("limit"))
)


async def read_recent(
    session: AsyncSession, *, user_id: int, conversation_id: int, limit: int
) -> Recent:
    """What the engines read of one of the user's conversations; 404 if not theirs.

    One statement: the conversation joined to its newest messages (one row with no
    message for an empty conversation, or when `limit` is 0).
    """
    found = await session.execute(
        _RECENT,
        {
            "conversation_id": conversation_id,
            "user_id": user_id,
            "limit": max(limit, 1),
        },
    )
    rows = found.all()
    if not rows:
        raise ConversationNotFound(conversation_id)
    messages = [row for row in rows if row.id is not None][:limit]
    return Recent(rows[0].summary, rows[0].summary_through, messages)


def _touching(*columns: str) -> Update:
    """An update of the user's conversation that sets its `updated_at` and
    `columns`, bound as `new_<column>` (a column's own name is reserved)."""
    return (
        update(Conversation.__table__)
        .where(
            _conversations.id == bindparam("conversation"),
            _conversations.user_id == bindparam("owner"),
        )
        .values({name: bindparam(f"new_{name}") for name in ("updated_at", *columns)})
    )


_TOUCH = _touching()
_TOUCH_AND_SUMMARISE = _touching("summary", "summary_through")


async def add_user_message(
    session: AsyncSession,
    *,
    user_id: int,
    conversation_id: int,
    content: str,
    summary: tuple[str, int] | None = None,
) -> Message:
    """The user's message in one of their conversations, and the conversation's
    new (summary, summary_through) when it changed; 404 if it is not theirs (or
    was deleted since it was read)."""
    changes = {"conversation": conversation_id, "owner": user_id}
    changes["new_updated_at"] = utcnow()
    statement = _TOUCH
    if summary is not None:
        changes["new_summary"], changes["new_summary_through"] = summary
        statement = _TOUCH_AND_SUMMARISE
    touched = await session.execute(statement, changes)
    if touched.rowcount == 0:
        raise ConversationNotFound(conversation_id)
    return await _insert_message(session, conversation_id, user_id, "user", content)


_SET_INTENT = (
    update(Message.__table__)
    .where(_messages.id == bindparam("message"))
    .values(intent=bindparam("new_intent"))
)


async def add_reply(
    session: AsyncSession,
    *,
    to: Message,
    content: str,
    thinking: Sequence[dict],
    **fields,
) -> Message:
    """The assistant's reply to the user's message `to`, with its thinking steps;
    the user's message gets the reply's intent."""
    reply = await _insert_message(
        session, to.conversation_id, to.user_id, "assistant", content, **fields
    )
    if reply.intent is not None:
        await session.execute(
            _SET_INTENT, {"message": to.id, "new_intent": reply.intent}
        )
        to.intent = reply.intent
    await add_thinking_steps(session, message_id=reply.id, steps=thinking)
    return reply


async def _insert_message(
    session: AsyncSession,
    conversation_id: int,
    user_id: int,
    role: str,
    content: str,
    **fields,
) -> Message:
    message = Message(
        conversation_id=conversation_id,
        user_id=user_id,
        role=role,
        content=content,
        **fields,
    )
    session.add(message)
    await session.flush()
    shown = MessageRead.model_validate(message).model_dump(mode="json")
    outbox.emit(session, user_id=user_id, type="message.created", data=shown)
    return message


_INSERT_STEP = insert(ThinkingStep.__table__)


async def add_thinking_steps(
    session: AsyncSession, *, message_id: int, steps: Sequence[dict]
) -> None:
    """One batched INSERT (one compiled statement, executed for every row)."""
    if not steps:
        return
    rows = [
        {"message_id": message_id, "position": i, "detail": {}} | step
        for i, step in enumerate(steps)
    ]
    await session.execute(_INSERT_STEP, rows)
