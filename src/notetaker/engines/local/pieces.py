"""The fragments date rules find before they are joined into one expression."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

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
class Amount:
    """An amount of time: calendar units move the wall clock, clock units elapse."""

    calendar: relativedelta
    clock: timedelta

    def __neg__(self) -> "Amount":
        return Amount(-self.calendar, -self.clock)

    def __bool__(self) -> bool:
        return bool(self.calendar or self.clock)


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
    shift: Amount | None = None  # "2 days after …", "… +10 days"
    zone: int | None = None  # UTC offset in minutes named next to a time ("GMT")
    # "year" for a month and day with no year, "month" for a bare "15th": a weekday
    # said next to it picks the year or month ("Fri, Jul 18", "Thu 15th").
    floating: str | None = None
    last_day: date | None = None  # a range of days ("July 13-15") ends on this one
    year: int | None = None  # a year said apart from its day ("Oct 26 11:00 2023")

    def spanning(self, start: int, end: int) -> "Piece":
        return replace(self, start=start, end=end)
