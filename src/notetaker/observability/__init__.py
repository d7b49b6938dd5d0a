"""Observability: what the app measures about itself.

- metrics: the Prometheus series served at /metrics.
- window: a bounded rolling window of recent timings, behind /api/admin/performance.
- context: the request id and the ids bound to every log line.
- tracing: OpenTelemetry spans, exported over OTLP when an endpoint is configured.
- middleware: times each request and feeds all of the above.
- database, engine: timing of queries and of the understanding engine.
"""
