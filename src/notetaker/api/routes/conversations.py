import time
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from notetaker.api.deps import (
    CurrentUser,
    Now,
    OwnedConversation,
    Session,
    Settings,
    get_database,
)
from notetaker.api.routes.params import Limit, Offset
from notetaker.assistant.orchestrator import handle_message
from notetaker.core.errors import InvalidInput
from notetaker.db.database import Database
from notetaker.schemas.base import MAX_ID
from notetaker.schemas.conversation import (
    ConversationCreate,
    ConversationPage,
    ConversationRead,
    ConversationUpdate,
    ExchangeRead,
    MessageCreate,
    MessagePage,
    MessageRead,
    SourceRead,
)
from notetaker.services import conversations

router = APIRouter(prefix="/api/conversations", tags=["conversations"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_conversation(
    data: ConversationCreate, user: CurrentUser, session: Session
) -> ConversationRead:
    conversation = await conversations.create_conversation(
        session, user_id=user.id, title=data.title
    )
    return ConversationRead.model_validate(conversation)


@router.get("")
async def list_conversations(
    user: CurrentUser, session: Session, limit: Limit = 50, offset: Offset = 0
) -> ConversationPage:
    items, total = await conversations.list_conversations(
        session, user_id=user.id, limit=limit, offset=offset
    )
    return ConversationPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/{conversation_id}")
async def get_conversation(conversation: OwnedConversation) -> ConversationRead:
    return ConversationRead.model_validate(conversation)


@router.patch("/{conversation_id}")
async def rename_conversation(
    data: ConversationUpdate, conversation: OwnedConversation, session: Session
) -> ConversationRead:
    await conversations.rename_conversation(
        session, conversation=conversation, title=data.title
    )
    return ConversationRead.model_validate(conversation)


@router.delete("/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_conversation(
    conversation: OwnedConversation, session: Session
) -> None:
    await conversations.delete_conversation(session, conversation=conversation)


@router.get("/{conversation_id}/messages")
async def list_messages(
    conversation: OwnedConversation,
    session: Session,
    before: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Limit = 50,
) -> MessagePage:
    """A page of messages, each reply with its thinking steps."""
    items, cursor = await conversations.list_messages(
        session, conversation_id=conversation.id, before=before, limit=limit
    )
    replies = [message.id for message in items if message.role == "assistant"]
    steps = await conversations.list_thinking_steps(session, message_ids=replies)
    shown = [MessageRead.of(message, steps.get(message.id, ())) for message in items]
    return MessagePage(items=shown, next_cursor=cursor)


@router.post("/{conversation_id}/message")
async def send_message(
    conversation_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    data: MessageCreate,
    user: CurrentUser,
    settings: Settings,
    now: Now,
    request: Request,
    response: Response,
    db: Annotated[Database, Depends(get_database)],
) -> ExchangeRead:
    """Save the message, let the assistant act on it, and return what it did.

    The `Server-Timing` header tells how long the assistant took (`orchestrator`),
    apart from the HTTP exchange around it."""
    if len(data.content) > settings.max_message_chars:
        raise InvalidInput(
            f"A message can be at most {settings.max_message_chars} characters.",
            details={"max_chars": settings.max_message_chars},
        )
    started = time.perf_counter()
    exchange = await handle_message(
        db,
        request.app.state.engine,
        user=user,
        conversation_id=conversation_id,
        content=data.content,
        now=now,
    )
    elapsed_ms = (time.perf_counter() - started) * 1000
    response.headers["Server-Timing"] = f"orchestrator;dur={elapsed_ms:.1f}"
    return ExchangeRead(
        user_message=exchange.user_message,
        assistant_message=MessageRead.of(exchange.assistant_message, exchange.thinking),
        thinking=exchange.thinking,
        notes=exchange.notes,
        tasks=exchange.tasks,
        sources=[SourceRead.of(item) for item in exchange.sources],
    )
