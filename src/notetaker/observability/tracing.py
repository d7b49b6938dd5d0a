"""OpenTelemetry tracing, exported over OTLP/HTTP when an endpoint is configured.

Without an endpoint nothing is installed and the API's no-op tracer makes every
span nearly free. Spans are made through `tracer`, which follows whichever
provider is installed (here, or by a test with an in-memory exporter).
"""

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from notetaker.core.config import Settings

tracer = trace.get_tracer("notetaker")

_installed: list[TracerProvider] = []


def configure_tracing(settings: Settings) -> None:
    """Install the exporting provider once per process, if an endpoint is set."""
    if not settings.otel_endpoint or _installed:
        return
    provider = TracerProvider(resource=Resource.create({"service.name": "notetaker"}))
    endpoint = settings.otel_endpoint.rstrip("/") + "/v1/traces"
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)
    _installed.append(provider)


def shutdown_tracing() -> None:
    """Flush the spans still queued (at shutdown)."""
    for provider in _installed:
        provider.shutdown()
    _installed.clear()
