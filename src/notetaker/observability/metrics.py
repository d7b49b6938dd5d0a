"""The Prometheus series of this process.

Routes are labelled by their template ("/api/notes/{note_id}"), never by the raw
path, so the number of series stays bounded however many ids clients send.
"""

from functools import cache

from prometheus_client import Counter, Gauge, Histogram

# Seconds; fine steps below 100 ms, where the read endpoints live.
_HTTP_BUCKETS = (
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1,
    0.15, 0.2, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0,
)  # fmt: skip
_AI_BUCKETS = (0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60)
_DB_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
               0.1, 0.25, 0.5, 1.0)  # fmt: skip

HTTP_REQUESTS = Counter(
    "notetaker_http_requests",
    "HTTP requests answered, by route template and status.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "notetaker_http_request_duration_seconds",
    "Time from request to the end of the response.",
    ["method", "route"],
    buckets=_HTTP_BUCKETS,
)
HTTP_IN_FLIGHT = Gauge(
    "notetaker_http_requests_in_flight", "HTTP requests being processed."
)
HTTP_EXCEPTIONS = Counter(
    "notetaker_http_exceptions",
    "Requests whose handler raised an unexpected exception (answered 500).",
    ["method", "route", "exception"],
)
AI_LATENCY = Histogram(
    "notetaker_ai_request_duration_seconds",
    "Time the understanding engine took for one message.",
    ["engine", "model", "outcome"],
    buckets=_AI_BUCKETS,
)
DB_QUERY_LATENCY = Histogram(
    "notetaker_db_query_duration_seconds",
    "Time of one database statement, by its first keyword.",
    ["operation"],
    buckets=_DB_BUCKETS,
)
CACHE_HITS = Counter("notetaker_cache_hits", "Cache look-ups answered.", ["cache"])
CACHE_MISSES = Counter(
    "notetaker_cache_misses", "Cache look-ups that went to the source.", ["cache"]
)
WEBSOCKET_CONNECTIONS = Gauge(
    "notetaker_websocket_connections", "Accepted WebSocket connections now open."
)


def record_cache_lookup(cache: str, *, hit: bool) -> None:
    """Count one look-up in the named cache (a fixed name, not a key)."""
    (CACHE_HITS if hit else CACHE_MISSES).labels(cache=cache).inc()


# The label children are looked up once per combination: `labels()` takes a lock
# and validates on every call, which shows in profiles at 1,000 requests/s. The
# combinations are bounded (route templates, status codes, statement keywords).
@cache
def http_series(method: str, route: str, status: int) -> tuple[Counter, Histogram]:
    return (
        HTTP_REQUESTS.labels(method=method, route=route, status=str(status)),
        HTTP_LATENCY.labels(method=method, route=route),
    )


@cache
def query_series(operation: str) -> Histogram:
    return DB_QUERY_LATENCY.labels(operation=operation)
