from datetime import timedelta

from notetaker.db.types import utcnow
from notetaker.models import User
from notetaker.services.login_cache import LoginCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _user(user_id: int = 1, timezone: str = "UTC") -> User:
    return User(
        id=user_id,
        email=f"u{user_id}@example.com",
        display_name="",
        password_hash="x",
        timezone=timezone,
        date_order="MDY",
    )


LATER = utcnow() + timedelta(days=1)


def test_get_login_returns_copy_of_cached_user():
    cache = LoginCache(seconds=5)
    cache.put("token", _user(timezone="Europe/Lisbon"), login_expires_at=LATER)

    first, second = cache.get("token"), cache.get("token")

    assert first is not None and first.timezone == "Europe/Lisbon"
    first.timezone = "Asia/Tokyo"
    assert second.timezone == "Europe/Lisbon"
    assert cache.get("token").timezone == "Europe/Lisbon"


def test_get_login_unknown_token_misses():
    cache = LoginCache(seconds=5)
    cache.put("token", _user(), login_expires_at=LATER)

    assert cache.get("other") is None


def test_get_login_after_its_seconds_misses():
    clock = Clock()
    cache = LoginCache(seconds=5, clock=clock)
    cache.put("token", _user(), login_expires_at=LATER)

    clock.now += 4.9
    assert cache.get("token") is not None
    clock.now += 0.2
    assert cache.get("token") is None


def test_get_login_past_its_expiry_misses():
    cache = LoginCache(seconds=60)
    cache.put("token", _user(), login_expires_at=utcnow() - timedelta(seconds=1))

    assert cache.get("token") is None


def test_revoke_token_and_forget_user():
    cache = LoginCache(seconds=5)
    cache.put("a", _user(1), login_expires_at=LATER)
    cache.put("b", _user(1), login_expires_at=LATER)
    cache.put("c", _user(2), login_expires_at=LATER)

    cache.revoke("a")
    assert cache.get("a") is None and cache.get("b") is not None

    cache.forget_user(1)
    assert cache.get("b") is None and cache.get("c") is not None


def test_put_login_beyond_capacity_drops_oldest():
    cache = LoginCache(seconds=5, max_entries=2)
    for token in ("a", "b", "c"):
        cache.put(token, _user(), login_expires_at=LATER)

    assert cache.get("a") is None
    assert cache.get("b") is not None and cache.get("c") is not None


def test_put_login_with_zero_seconds_keeps_nothing():
    cache = LoginCache(seconds=0)
    cache.put("token", _user(), login_expires_at=LATER)

    assert cache.get("token") is None


def test_put_login_after_revoke_refused_for_its_seconds():
    clock = Clock()
    cache = LoginCache(seconds=5, clock=clock)
    cache.put("token", _user(), login_expires_at=LATER)

    cache.revoke("token")
    # A request that read the login just before it was deleted.
    cache.put("token", _user(), login_expires_at=LATER)

    assert cache.get("token") is None
    clock.now += 4.9
    cache.put("token", _user(), login_expires_at=LATER)
    assert cache.get("token") is None


def test_put_login_after_revoke_seconds_accepted_again():
    clock = Clock()
    cache = LoginCache(seconds=5, clock=clock)
    cache.revoke("token")

    clock.now += 5.1
    cache.put("token", _user(), login_expires_at=LATER)

    assert cache.get("token") is not None
