"""GET /metrics in the Prometheus text format.

Open by default, as scrapers expect; NOTETAKER_METRICS_TOKEN makes it want a
bearer token, and NOTETAKER_METRICS_ENABLED=false removes it.
"""

import hmac

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from notetaker.api.deps import Settings
from notetaker.core.errors import NotFound, Unauthorized

router = APIRouter(tags=["observability"])


def _check_token(request: Request, settings: Settings) -> None:
    if settings.metrics_token is None:
        return
    expected = f"Bearer {settings.metrics_token.get_secret_value()}"
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("A valid metrics token is required.")


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request, settings: Settings) -> Response:
    if not settings.metrics_enabled:
        raise NotFound("Not found.")
    _check_token(request, settings)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
