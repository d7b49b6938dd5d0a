from notetaker.core.config import Settings
from notetaker.engines.base import Engine
from notetaker.engines.local import LocalEngine


def build_engine(settings: Settings) -> Engine:
    """The understanding engine the settings name (only `local` so far)."""
    return LocalEngine()
