"""Clean-up each worker process runs now and then: expired logins and the counters
of rate-limit windows that have ended. Each run deletes a bounded number of rows,
so it never holds the database for long; running it in every worker is harmless."""

import asyncio
import logging

from notetaker.db.database import Database
from notetaker.db.types import utcnow
from notetaker.services import users
from notetaker.services.rate_limit import RateLimiter

log = logging.getLogger(__name__)

EVERY_SECONDS = 3600.0
BATCH = 1000
MAX_BATCHES = 10


async def purge_expired(database: Database, limiter: RateLimiter) -> int:
    """One run; returns the number of expired logins deleted."""
    now = utcnow()
    deleted = 0
    for _ in range(MAX_BATCHES):
        async with database.transaction() as session:
            batch = await users.purge_expired_logins(session, now=now, limit=BATCH)
        deleted += batch
        if batch < BATCH:
            break
    counters = await limiter.store.purge(now)
    log.info("housekeeping.purged", extra={"logins": deleted, "counters": counters})
    return deleted


async def run_periodically(
    database: Database, limiter: RateLimiter, *, every: float = EVERY_SECONDS
) -> None:
    """Purge at start-up and then every `every` seconds, until cancelled."""
    while True:
        try:
            await purge_expired(database, limiter)
        except Exception:
            # A failed run is retried at the next one; the app keeps serving.
            log.exception("housekeeping.failed")
        await asyncio.sleep(every)
