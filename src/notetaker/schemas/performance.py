from pydantic import BaseModel, Field


class Latency(BaseModel):
    """Milliseconds; None when nothing was measured."""

    p50: float | None
    p95: float | None
    p99: float | None


class RouteStats(BaseModel):
    method: str
    route: str = Field(description="The route template, e.g. /api/notes/{note_id}.")
    requests: int
    errors: int = Field(description="Responses with a 5xx status.")
    error_rate: float
    throughput: float = Field(description="Requests per second over the window.")
    latency_ms: Latency


class EngineStats(BaseModel):
    engine: str
    model: str
    outcome: str
    calls: int
    latency_ms: Latency


class QueryStats(BaseModel):
    operation: str
    queries: int
    latency_ms: Latency


class WindowPoint(BaseModel):
    """One bucket of the window, for the charts."""

    start: float = Field(description="Unix time the bucket starts.")
    requests: int
    errors: int
    throughput: float
    p95_ms: float | None


class PerformanceRead(BaseModel):
    window_seconds: int
    bucket_seconds: int
    covered_seconds: float = Field(description="Less than the window just after start.")
    requests: int
    errors: int
    error_rate: float
    throughput: float
    latency_ms: Latency
    routes: list[RouteStats]
    engines: list[EngineStats]
    queries: list[QueryStats]
    series: list[WindowPoint]


class AccessRead(BaseModel):
    """The operator pages the caller may open."""

    performance: bool
