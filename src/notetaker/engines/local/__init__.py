"""The built-in understanding engine: offline, deterministic, milliseconds."""

from .dates import DateMatch, find_dates
from .engine import LocalEngine
from .recurrence import Recurrence, find_recurrence

__all__ = ["DateMatch", "LocalEngine", "Recurrence", "find_dates", "find_recurrence"]
