from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from sqlalchemy.exc import IntegrityError

from notetaker.api.deps import (
    SESSION_COOKIE,
    CurrentUser,
    Db,
    Logins,
    Settings,
    Token,
)
from notetaker.core.errors import Conflict, Unauthorized
from notetaker.schemas.user import (
    LoginRequest,
    SessionRead,
    UserCreate,
    UserRead,
    UserUpdate,
)
from notetaker.services import users
from notetaker.services.rate_limit import Limit, RateLimiter

router = APIRouter(prefix="/api/auth", tags=["auth"])


def _limits(request: Request) -> tuple[RateLimiter, Limit, Limit]:
    """The limiter, and the per-address and per-e-mail limits in force."""
    settings = request.app.state.settings
    window = settings.auth_limit_window
    per_ip = Limit("auth-ip", settings.auth_failures_per_ip, window)
    per_email = Limit("sign-in-email", settings.auth_failures_per_email, window)
    return request.app.state.rate_limiter, per_ip, per_email


def _client_address(request: Request) -> str:
    # Behind a local reverse proxy uvicorn has already put the forwarded address here.
    return request.client.host if request.client else "unknown"


# Counted in transactions of their own, which a refused request does not roll back.
async def _sign_in_attempt(request: Request, data: LoginRequest) -> AsyncIterator[None]:
    limiter, per_ip, per_email = _limits(request)
    address = _client_address(request)
    limits = ((per_ip, address), (per_email, data.email.lower()))
    async with limiter.attempt(*limits, counts_on=(Unauthorized,)):
        yield


async def _sign_up_attempt(request: Request) -> AsyncIterator[None]:
    limiter, per_ip, _ = _limits(request)
    limits = ((per_ip, _client_address(request)),)
    async with limiter.attempt(*limits, counts_on=(Conflict, IntegrityError)):
        yield


SignInAttempt = Annotated[None, Depends(_sign_in_attempt)]
SignUpAttempt = Annotated[None, Depends(_sign_up_attempt)]


def _start_login(response: Response, settings, token: str, login, user) -> SessionRead:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    return SessionRead(
        token=token, expires_at=login.expires_at, user=UserRead.model_validate(user)
    )


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(
    _attempt: SignUpAttempt,
    data: UserCreate,
    db: Db,
    settings: Settings,
    response: Response,
) -> SessionRead:
    user, token, login = await users.sign_up(db, data=data, days=settings.session_days)
    return _start_login(response, settings, token, login, user)


@router.post("/login")
async def login(
    _attempt: SignInAttempt,
    data: LoginRequest,
    db: Db,
    settings: Settings,
    response: Response,
) -> SessionRead:
    user, token, login = await users.sign_in(
        db, email=data.email, password=data.password, days=settings.session_days
    )
    return _start_login(response, settings, token, login, user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    user: CurrentUser,
    db: Db,
    token: Token,
    logins: Logins,
    response: Response,
) -> None:
    await users.sign_out(db, token=token)
    # Only after the commit: until then a request of this process could still
    # read the login and cache it again.
    logins.revoke(token)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/me")
async def me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user)


@router.patch("/me")
async def update_me(
    data: UserUpdate, user: CurrentUser, db: Db, logins: Logins
) -> UserRead:
    async with db.transaction() as session:
        updated = await users.update_user(session, user_id=user.id, data=data)
    # Only after the commit: until then a request of this process could still
    # read the old settings and cache them again.
    logins.forget_user(user.id)
    return UserRead.model_validate(updated)
