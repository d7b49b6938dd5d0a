"""Who a token stands for, remembered for a few seconds.

Every request names its caller by a token, and looking the token up costs a database
round trip, a large share of a small read. A sign-out or a settings change drops the
entries in this process at once; other worker processes drop theirs when the entry's
few seconds are up.

A sign-out is revoked once its delete has committed, and the token is then refused
for as long as an entry lasts: a request that read the login just before the commit
cannot put it back.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import inspect
from sqlalchemy.orm import make_transient_to_detached

from notetaker.core.security import token_digest
from notetaker.db.types import utcnow
from notetaker.models import User

_USER_FIELDS = tuple(column.key for column in inspect(User).column_attrs)


@dataclass(frozen=True, slots=True)
class _Entry:
    user_id: int
    fields: dict[str, object]
    fresh_until: float
    login_expires_at: datetime


class LoginCache:
    def __init__(
        self,
        *,
        seconds: float,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._max_entries = max_entries
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        # Digests of signed-out tokens, oldest first, and until when each is refused.
        self._revoked: dict[str, float] = {}

    def get(self, token: str) -> User | None:
        """A detached copy of the cached user, so no request can change another's."""
        key = token_digest(token)
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.fresh_until <= self._clock() or entry.login_expires_at <= utcnow():
            self._entries.pop(key, None)
            return None
        user = User(**entry.fields)
        make_transient_to_detached(user)
        return user

    def put(self, token: str, user: User, *, login_expires_at: datetime) -> None:
        key = token_digest(token)
        if self._seconds <= 0 or self._is_revoked(key):
            return
        if len(self._entries) >= self._max_entries:
            # Dicts keep insertion order: the oldest entry goes first.
            self._entries.pop(next(iter(self._entries)))
        fields = {name: getattr(user, name) for name in _USER_FIELDS}
        fresh_until = self._clock() + self._seconds
        self._entries[key] = _Entry(user.id, fields, fresh_until, login_expires_at)

    def revoke(self, token: str) -> None:
        """Forget a token whose login is gone, and refuse to cache it again for
        the life of an entry. Call it after the delete has committed."""
        if self._seconds <= 0:
            return
        key = token_digest(token)
        self._entries.pop(key, None)
        self._revoked.pop(key, None)  # to come back last, where the newest go
        self._drop_lapsed_revocations()
        if len(self._revoked) >= self._max_entries:
            self._revoked.pop(next(iter(self._revoked)))
        self._revoked[key] = self._clock() + self._seconds

    def _is_revoked(self, key: str) -> bool:
        until = self._revoked.get(key)
        return until is not None and until > self._clock()

    def _drop_lapsed_revocations(self) -> None:
        # Every revocation lasts as long, so the oldest lapse first.
        now = self._clock()
        while self._revoked and next(iter(self._revoked.values())) <= now:
            self._revoked.pop(next(iter(self._revoked)))

    def forget_user(self, user_id: int) -> None:
        stale = [key for key, e in self._entries.items() if e.user_id == user_id]
        for key in stale:
            del self._entries[key]
