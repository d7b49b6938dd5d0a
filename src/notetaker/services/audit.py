import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

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
) -> None:
    """Audit a change; `changes` holds field names, never note or message text."""
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
    log.info(action, extra={"user_id": user_id, f"{object_type}_id": object_id})
