"""The performance report of this process, read from its rolling window."""

from notetaker.observability.window import RollingWindow, Stats, merge_all
from notetaker.schemas.performance import (
    EngineStats,
    Latency,
    PerformanceRead,
    QueryStats,
    RouteStats,
    WindowPoint,
)


def _latency(stats: Stats) -> Latency:
    p50, p95, p99 = stats.percentiles(0.50, 0.95, 0.99)
    return Latency(p50=p50, p95=p95, p99=p99)


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _routes(window: RollingWindow, elapsed: float) -> list[RouteStats]:
    totals = window.totals("http")
    rows = [
        RouteStats(
            method=method,
            route=route,
            requests=stats.count,
            errors=stats.errors,
            error_rate=_rate(stats.errors, stats.count),
            throughput=round(stats.count / elapsed, 2),
            latency_ms=_latency(stats),
        )
        for (method, route), stats in totals.items()
    ]
    return sorted(rows, key=lambda row: row.requests, reverse=True)


def _engines(window: RollingWindow) -> list[EngineStats]:
    return [
        EngineStats(
            engine=engine,
            model=model,
            outcome=outcome,
            calls=stats.count,
            latency_ms=_latency(stats),
        )
        for (engine, model, outcome), stats in sorted(window.totals("ai").items())
    ]


def _queries(window: RollingWindow) -> list[QueryStats]:
    return [
        QueryStats(operation=operation, queries=stats.count, latency_ms=_latency(stats))
        for operation, stats in sorted(window.totals("db").items())
    ]


def _series(window: RollingWindow) -> list[WindowPoint]:
    points = []
    for start, tables in window.live_buckets():
        stats = merge_all(tables.get("http", {}).values())
        points.append(
            WindowPoint(
                start=start,
                requests=stats.count,
                errors=stats.errors,
                throughput=round(stats.count / window.bucket_seconds, 2),
                p95_ms=stats.percentiles(0.95)[0],
            )
        )
    return points


def performance_report(window: RollingWindow) -> PerformanceRead:
    elapsed = window.elapsed()
    overall = merge_all(window.totals("http").values())
    return PerformanceRead(
        window_seconds=window.seconds,
        bucket_seconds=window.bucket_seconds,
        covered_seconds=round(elapsed, 1),
        requests=overall.count,
        errors=overall.errors,
        error_rate=_rate(overall.errors, overall.count),
        throughput=round(overall.count / elapsed, 2),
        latency_ms=_latency(overall),
        routes=_routes(window, elapsed),
        engines=_engines(window),
        queries=_queries(window),
        series=_series(window),
    )
