"""Caches of computed answers: in-process LRU, backed by Redis when configured."""

from .digest import digest
from .memory import MemoryCache
from .tiered import Cache, TieredCache, build_cache

__all__ = ["Cache", "MemoryCache", "TieredCache", "build_cache", "digest"]
