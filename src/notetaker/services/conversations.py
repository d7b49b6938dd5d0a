from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.core.errors import NotFound
from notetaker.db.types import utcnow
from notetaker.events import outbox
from notetaker.models import Conversation, Message, ThinkingStep
from notetaker.schemas.conversation import MessageRead


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
        raise NotFound(
            "Conversation not found.", details={"conversation_id": conversation_id}
        )
    return conversation


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


async def add_message(
    session: AsyncSession,
    *,
    conversation: Conversation,
    role: str,
    content: str,
    **fields,
) -> Message:
    message = Message(
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        role=role,
        content=content,
        **fields,
    )
    session.add(message)
    conversation.updated_at = utcnow()
    await session.flush()
    shown = MessageRead.model_validate(message).model_dump(mode="json")
    outbox.emit(
        session, user_id=conversation.user_id, type="message.created", data=shown
    )
    return message


async def add_thinking_steps(
    session: AsyncSession, *, message_id: int, steps: list[dict]
) -> list[ThinkingStep]:
    rows = [
        ThinkingStep(message_id=message_id, position=i, **step)
        for i, step in enumerate(steps)
    ]
    session.add_all(rows)
    await session.flush()
    return rows


async def set_intent(session: AsyncSession, *, message_id: int, intent: str) -> None:
    await session.execute(
        update(Message).where(Message.id == message_id).values(intent=intent)
    )
