import random
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """At most `retries` more attempts, waiting with "full jitter" backoff between.

    Random waits spread the retries of many requests that failed together, instead
    of sending them back to the provider in one burst.
    """

    retries: int
    base: float
    cap: float
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt number `attempt + 1` (0-based)."""
        ceiling = min(self.cap, self.base * 2**attempt)
        if retry_after is not None:
            # The server's own hint wins, as long as it stays under the cap.
            return min(self.cap, max(retry_after, 0.0))
        return self.rng.uniform(0, ceiling)
