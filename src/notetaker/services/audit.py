import logging
from functools import partial
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notetaker.events import outbox
from notetaker.models import AuditEntry

log = logging.getLogger("notetaker.audit")


async def record(
    session: AsyncSession,
    *,
    user_id: int,
    action: str,
    object_type: str,
    object_id: int,
    message_id: int | None = None,
    changes: dict[str, Any] | None = None,
    payload: Any = None,
) -> None:
    """Record a change in the audit log and announce it to the user's open tabs.

    `changes` holds field names, never note or message text; `payload` is the
    object as the API shows it, sent to the user's own tabs only.
    """
    session.add(
        AuditEntry(
            user_id=user_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            message_id=message_id,
            changes=changes or {},
        )
    )
    event_data = payload if payload is not None else {"id": object_id}
    outbox.emit(session, user_id=user_id, type=action, data=event_data)
    fields = {"user_id": user_id, f"{object_type}_id": object_id}
    outbox.after_commit(session, partial(log.info, action, extra=fields))
