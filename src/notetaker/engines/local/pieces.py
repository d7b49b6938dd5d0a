"""The fragments date rules find before they are joined into one expression."""

from dataclasses import dataclass, replace
from datetime import date, datetime

Grain = str  # second | minute | hour | day | week | month | quarter | year


@dataclass(frozen=True, slots=True)
class Clock:
    hour: int
    minute: int = 0
    second: int = 0
    grain: Grain = "hour"
    # "am"/"pm" when the text says so; None leaves 1-12 open to either half day.
    meridiem: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    day: date | None = None  # a calendar day, or the first day of a longer period
    grain: Grain = "day"
    clock: Clock | None = None
    part: str | None = None  # morning | afternoon | evening | tonight | night
    moment: datetime | None = None  # an exact instant ("in 3 hours", "now")
    weekday_only: bool = False  # "Mon" next to "Feb 18" only confirms the date
    window_end: date | None = None  # exclusive end of a period ("this week")

    def spanning(self, start: int, end: int) -> "Piece":
        return replace(self, start=start, end=end)
