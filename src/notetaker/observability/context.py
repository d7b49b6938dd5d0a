"""The ids bound to every log line of a request: request, user, conversation."""

import re
import uuid

import structlog

REQUEST_ID_HEADER = b"x-request-id"

# A caller's id is echoed in logs and headers, so only a short, plain one is kept.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    """The caller's X-Request-ID if it is a sane one, else a new id."""
    for name, value in headers:
        if name == REQUEST_ID_HEADER:
            candidate = value.decode("latin-1")
            if _VALID_REQUEST_ID.fullmatch(candidate):
                return candidate
            break
    return uuid.uuid4().hex


def start_request(request_id: str) -> None:
    """Forget whatever an earlier request bound, then bind this request's id."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(request_id=request_id)


def bind_user(user_id: int) -> None:
    structlog.contextvars.bind_contextvars(user_id=user_id)


def bind_conversation(conversation_id: int) -> None:
    structlog.contextvars.bind_contextvars(conversation_id=conversation_id)
