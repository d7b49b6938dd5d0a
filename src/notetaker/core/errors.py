"""Domain errors and the one place where any error becomes an HTTP response.

Every error body has the shape {"error": {"code", "message", "details"}}.
"""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    headers: dict[str, str] | None = None

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(AppError):
    status_code = 404
    code = "not_found"


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"


class Conflict(AppError):
    status_code = 409
    code = "conflict"


class InvalidInput(AppError):
    status_code = 422
    code = "invalid_input"


class TooManyRequests(AppError):
    status_code = 429
    code = "too_many_requests"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.headers = {"Retry-After": str(retry_after)}


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "unsupported_media_type"


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    # The raw input is left out on purpose: it may be large or private.
    return [
        {
            "loc": list(err.get("loc", ())),
            "msg": err.get("msg"),
            "type": err.get("type"),
        }
        for err in exc.errors()
    ]


async def _app_error(request: Request, exc: AppError) -> JSONResponse:
    return JSONResponse(
        error_body(exc.code, exc.message, exc.details),
        status_code=exc.status_code,
        headers=exc.headers,
    )


async def _validation_error(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    details = _validation_details(exc)
    if any(d["type"] == "json_invalid" for d in details):
        body = error_body(
            "malformed_json", "The request body is not valid JSON.", details
        )
        return JSONResponse(body, status_code=400)
    body = error_body("invalid_input", "The request is not valid.", details)
    return JSONResponse(body, status_code=422)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    # Starlette raises 400 only when it cannot parse a body, and ours are JSON.
    codes = {400: "malformed_json", 401: "unauthorized", 404: "not_found"}
    codes[405] = "method_not_allowed"
    code = codes.get(exc.status_code, "http_error")
    return JSONResponse(
        error_body(code, str(exc.detail)),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


async def _integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
    # Two requests raced for the same unique value; the loser gets what a
    # sequential request would have got.
    body = error_body("conflict", "This conflicts with data that already exists.")
    return JSONResponse(body, status_code=409)


def unexpected_error(exc: Exception, *, route: str) -> JSONResponse:
    """Log an unhandled exception once, with its stack, and answer 500.

    Called by the instrumentation middleware, which swallows the exception after
    this: Starlette's outermost layer would otherwise log it a second time through
    the server, and send its 500 without the request's X-Request-ID.
    """
    log.error("request.failed", exc_info=exc, extra={"route": route})
    body = error_body("internal_error", "Something went wrong on our side.")
    return JSONResponse(body, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
