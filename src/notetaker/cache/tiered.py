from typing import Protocol

from notetaker.core.config import Settings

from .memory import MemoryCache
from .redis import RedisCache


class Cache(Protocol):
    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...

    async def aclose(self) -> None: ...


class TieredCache:
    """The in-process cache first, then the shared one; a shared hit fills the first."""

    def __init__(self, near: Cache, far: Cache) -> None:
        self.near = near
        self.far = far

    async def get(self, key: str) -> str | None:
        value = await self.near.get(key)
        if value is not None:
            return value
        value = await self.far.get(key)
        if value is not None:
            await self.near.set(key, value)
        return value

    async def set(self, key: str, value: str) -> None:
        await self.near.set(key, value)
        await self.far.set(key, value)

    async def aclose(self) -> None:
        await self.near.aclose()
        await self.far.aclose()


def build_cache(settings: Settings, *, namespace: str) -> Cache:
    """The cache the settings describe; in Redis, its keys start with the app's
    prefix and then `namespace:`."""
    near = MemoryCache(max_entries=settings.ai_cache_entries, ttl=settings.ai_cache_ttl)
    if settings.redis_url is None:
        return near
    prefix = f"{settings.redis_prefix}{namespace}:"
    far = RedisCache.from_url(
        settings.redis_url, prefix=prefix, ttl=settings.ai_cache_ttl
    )
    return TieredCache(near, far)
