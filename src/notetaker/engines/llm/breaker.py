"""A circuit breaker per provider: stop calling one that keeps failing, probe later.

closed: calls go through; `failures` failures in a row open it.
open: calls are refused until `reset_after` seconds have passed, then half-open.
half_open: one probe call goes through; its success closes the circuit, its failure
opens it again. A probe that never reports back (its caller was cancelled) is
replaced by another after `reset_after`.
"""

import time
from collections.abc import Callable
from typing import Literal

State = Literal["closed", "open", "half_open"]
Health = Literal["up", "degraded", "circuit_open"]


class CircuitBreaker:
    def __init__(
        self,
        *,
        failures: int,
        reset_after: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._threshold = failures
        self._reset_after = reset_after
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probe_at: float | None = None

    @property
    def state(self) -> State:
        if self._opened_at is None:
            return "closed"
        if self._clock() - self._opened_at < self._reset_after:
            return "open"
        return "half_open"

    @property
    def health(self) -> Health:
        state = self.state
        if state == "open":
            return "circuit_open"
        return "up" if state == "closed" and self._failures == 0 else "degraded"

    def allow(self) -> bool:
        """Whether a call may go out now; in half-open, only the one probe may."""
        state = self.state
        if state == "closed":
            return True
        if state == "open":
            return False
        now = self._clock()
        if self._probe_at is not None and now - self._probe_at < self._reset_after:
            return False
        self._probe_at = now
        return True

    def record_success(self) -> None:
        self._failures = 0
        self._opened_at = None
        self._probe_at = None

    def record_failure(self) -> None:
        self._failures += 1
        if self._opened_at is not None or self._failures >= self._threshold:
            self._opened_at = self._clock()
            self._probe_at = None
