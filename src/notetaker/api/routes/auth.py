from fastapi import APIRouter, Response, status

from notetaker.api.deps import SESSION_COOKIE, CurrentUser, Session, Settings, Token
from notetaker.schemas.user import (
    LoginRequest,
    SessionRead,
    UserCreate,
    UserRead,
    UserUpdate,
)
from notetaker.services import users

router = APIRouter(prefix="/api/auth", tags=["auth"])


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
    data: UserCreate, session: Session, settings: Settings, response: Response
) -> SessionRead:
    user = await users.create_user(session, data=data)
    token, login = await users.create_login(
        session, user=user, days=settings.session_days
    )
    return _start_login(response, settings, token, login, user)


@router.post("/login")
async def login(
    data: LoginRequest, session: Session, settings: Settings, response: Response
) -> SessionRead:
    user = await users.authenticate(session, email=data.email, password=data.password)
    token, login = await users.create_login(
        session, user=user, days=settings.session_days
    )
    return _start_login(response, settings, token, login, user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    user: CurrentUser, session: Session, token: Token, response: Response
) -> None:
    await users.delete_login(session, token=token)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/me")
async def me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user)


@router.patch("/me")
async def update_me(data: UserUpdate, user: CurrentUser, session: Session) -> UserRead:
    updated = await users.update_user(session, user_id=user.id, data=data)
    return UserRead.model_validate(updated)
