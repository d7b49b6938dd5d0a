"""The live channel: every note, task and message event of the signed-in user,
pushed to each of their open tabs as JSON text frames."""

import asyncio
import contextlib
import logging
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status

from notetaker.api.deps import SESSION_COOKIE, signed_in_user
from notetaker.events.hub import Event
from notetaker.models import User

log = logging.getLogger(__name__)

router = APIRouter(tags=["live"])

# Close codes in the application range (4000-4999): 4401 mirrors HTTP 401.
CLOSE_UNAUTHENTICATED = 4401
# How often a quiet socket is pinged and its login checked again, so a tab that
# signed out elsewhere stops receiving events within this many seconds.
RECHECK_SECONDS = 30.0


@router.websocket("/api/ws")
async def live_events(websocket: WebSocket) -> None:
    if not _origin_allowed(websocket):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    user = await _authenticate(websocket)
    # Accepted first so that the browser sees the close code (a handshake
    # refused before acceptance reaches it as a bare network error).
    await websocket.accept()
    if user is None:
        await websocket.close(code=CLOSE_UNAUTHENTICATED)
        return

    async with websocket.app.state.events.subscribe(user.id) as queue:
        await websocket.send_json(_hello(websocket, user))
        log.info("ws.connected", extra={"user_id": user.id})
        await _pump(websocket, queue)
    log.info("ws.disconnected", extra={"user_id": user.id})


def _origin_allowed(websocket: WebSocket) -> bool:
    """Browsers send their page's origin; only our own pages (or the configured
    CORS origins) may open a socket riding on the session cookie."""
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    if origin in websocket.app.state.settings.cors_origins:
        return True
    return urlsplit(origin).netloc == websocket.headers.get("host")


async def _authenticate(websocket: WebSocket) -> User | None:
    token = websocket.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return await _signed_in_user(websocket, token)


async def _signed_in_user(websocket: WebSocket, token: str) -> User | None:
    state = websocket.app.state
    return await signed_in_user(state.database, state.login_cache, token)


def _hello(websocket: WebSocket, user: User) -> Event:
    engine = websocket.app.state.engine.name
    return {"type": "session.ready", "data": {"user_id": user.id, "engine": engine}}


async def _pump(websocket: WebSocket, queue: asyncio.Queue[Event]) -> None:
    """Forward events until the client goes away or its login ends."""
    sender = asyncio.create_task(_forward(websocket, queue))
    receiver = asyncio.create_task(_drain(websocket))
    try:
        await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sender, receiver):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect):
                await task


async def _forward(websocket: WebSocket, queue: asyncio.Queue[Event]) -> None:
    """The login is checked again every RECHECK_SECONDS, busy or quiet: a socket
    whose events never pause must not outlive its login either."""
    token = websocket.cookies.get(SESSION_COOKIE, "")
    loop = asyncio.get_running_loop()
    checked_at = loop.time()
    while True:
        wait = max(0.0, checked_at + RECHECK_SECONDS - loop.time())
        try:
            event = await asyncio.wait_for(queue.get(), timeout=wait)
        except TimeoutError:
            event = {"type": "ping", "data": None}
        if loop.time() - checked_at >= RECHECK_SECONDS:
            if not await _still_signed_in(websocket, token):
                await websocket.close(code=CLOSE_UNAUTHENTICATED)
                return
            checked_at = loop.time()
        await websocket.send_json(event)


async def _still_signed_in(websocket: WebSocket, token: str) -> bool:
    return await _signed_in_user(websocket, token) is not None


async def _drain(websocket: WebSocket) -> None:
    """Read (and ignore) what the client sends; returns when it disconnects."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
