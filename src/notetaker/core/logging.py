"""Logging: configured once, one JSON object per line on stderr.

Events are short names ("task.created") with ids as fields. Message and note text
never goes into a log line: pass ids, counts and codes only. The request id, user
id and conversation id bound in notetaker.observability.context are added to every
line, whether it comes from structlog or from a stdlib logger (`extra=` fields are
kept).
"""

import logging
import sys
import traceback

import structlog

# Fields that would carry what a user wrote; a line that names one anyway gets a
# placeholder, so a careless call cannot leak text.
_TEXT_FIELDS = frozenset(
    {"content", "text", "body", "title", "description", "query", "password", "token"}
)
# Their INFO and DEBUG lines echo SQL with its parameters or whole URLs with their
# query strings, that is, message and note text (and an INFO level on
# sqlalchemy.engine turns statement echo on).
_QUIET_LOGGERS = (
    "aiosqlite",
    "asyncpg",
    "sqlalchemy.engine",
    "aiohttp",
    "httpx",
    "httpcore",
)


def redact_text_fields(_logger, _method: str, event: dict) -> dict:
    for name in _TEXT_FIELDS & event.keys():
        event[name] = "[redacted]"
    return event


def render_exception_without_message(_logger, _method: str, event: dict) -> dict:
    """Exception type and stack frames, but not the exception's message: messages
    quote their inputs (a pydantic error shows the rejected title, a driver error
    the value it could not store), and inputs are what users wrote."""
    exc_info = event.pop("exc_info", None)
    if exc_info is True:
        exc_info = sys.exc_info()
    if isinstance(exc_info, BaseException):
        exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
    if exc_info and exc_info[0] is not None:
        event["error"] = exc_info[0].__qualname__
        event["stack"] = "".join(traceback.format_tb(exc_info[2]))
    return event


def _shared_processors() -> list:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
        redact_text_fields,
    ]


def _formatter() -> structlog.stdlib.ProcessorFormatter:
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[structlog.stdlib.ExtraAdder(), *_shared_processors()],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            render_exception_without_message,
            structlog.processors.JSONRenderer(default=str),
        ],
    )


def configure_logging(level: str) -> None:
    """Send structlog and stdlib records through one JSON formatter on stderr."""
    structlog.configure(
        processors=[
            *_shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_formatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
