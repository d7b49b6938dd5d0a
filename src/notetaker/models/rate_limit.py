from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from notetaker.models.base import Base


class RateLimitCounter(Base):
    """Attempts counted in one time window, shared by every worker process when
    no Redis is configured. The key names the limit, the caller and the window."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    hits: Mapped[int]
    expires_at: Mapped[datetime] = mapped_column(index=True)
