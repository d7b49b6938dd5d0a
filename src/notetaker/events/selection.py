from collections.abc import Callable

from notetaker.core.config import Settings
from notetaker.db.database import Database
from notetaker.events.database_hub import DatabaseHub
from notetaker.events.hub import EventHub, InProcessHub
from notetaker.events.redis_hub import RedisHub


def build_event_hub(settings: Settings, database: Callable[[], Database]) -> EventHub:
    """Redis when configured; else the database, when other worker processes
    serve the same users; else this process alone, at no cost."""
    if settings.redis_url is not None:
        return RedisHub.from_url(
            settings.redis_url, prefix=settings.events_redis_prefix
        )
    if settings.workers > 1:
        return DatabaseHub(database)
    return InProcessHub()
