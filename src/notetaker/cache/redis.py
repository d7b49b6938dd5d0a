import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class RedisCache:
    """Entries shared by every process, expiring in Redis itself.

    A Redis outage makes the cache miss; it never fails the caller.
    """

    def __init__(self, client: Redis, *, prefix: str, ttl: float) -> None:
        self._client = client
        self._prefix = prefix
        self._ttl_ms = max(1, int(ttl * 1000))

    @classmethod
    def from_url(cls, url: str, *, prefix: str, ttl: float) -> "RedisCache":
        client = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        return cls(client, prefix=prefix, ttl=ttl)

    async def get(self, key: str) -> str | None:
        try:
            value = await self._client.get(self._prefix + key)
        except (RedisError, OSError):
            log.warning("cache.redis_unavailable", extra={"operation": "get"})
            return None
        return value.decode() if value is not None else None

    async def set(self, key: str, value: str) -> None:
        try:
            await self._client.set(self._prefix + key, value, px=self._ttl_ms)
        except (RedisError, OSError):
            log.warning("cache.redis_unavailable", extra={"operation": "set"})

    async def aclose(self) -> None:
        await self._client.aclose()
