"""Serves the exported web UI (web/out) from the API's own process and port.

Mounted last, so it only sees paths no API route claimed. Paths under /api and
the API docs never fall through to a page: they get the API's JSON 404.
"""

import mimetypes
from pathlib import Path

from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send

from notetaker.core.errors import error_body

# The export inside a source checkout: src/notetaker/api/static.py → web/out.
DEFAULT_UI_DIR = Path(__file__).resolve().parents[3] / "web" / "out"

_API_PREFIXES = ("/api/", "/docs/", "/openapi.json/")
_API_PATHS = {"/api", "/docs", "/openapi.json"}
# Next.js puts a content hash in every file name under this folder.
_IMMUTABLE_PREFIX = "/_next/static/"
# Next.js inlines small bootstrap scripts and styles; everything else is ours.
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
_HTML_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
_MISSING_UI = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Note-Taker AI</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>The web app is not built yet</h1>
<p>Run <code>make web</code> (or <code>make run</code>, which builds it first),
then reload this page. The API is up: see <a href="/docs">/docs</a>.</p>
</body></html>
"""


class WebUI:
    """An ASGI app answering GET and HEAD with files from the export."""

    def __init__(self, directory: Path = DEFAULT_UI_DIR) -> None:
        self.directory = directory.resolve()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        response = self.respond(scope)
        await response(scope, receive, send)

    def respond(self, scope: Scope) -> Response:
        path: str = scope["path"]
        if path in _API_PATHS or path.startswith(_API_PREFIXES):
            body = error_body("not_found", "Not Found")
            return JSONResponse(body, status_code=404)
        if scope["method"] not in ("GET", "HEAD"):
            body = error_body("method_not_allowed", "Method Not Allowed")
            return JSONResponse(body, status_code=405, headers={"Allow": "GET, HEAD"})
        if not (self.directory / "index.html").is_file():
            return HTMLResponse(_MISSING_UI, status_code=503, headers=_HTML_HEADERS)
        return self._file_response(path, _accepts_gzip(scope))

    def _file_response(self, path: str, gzip_ok: bool) -> Response:
        found = self._find(path)
        if found is None:
            return self._not_found()
        headers = dict(_HTML_HEADERS) if found.suffix == ".html" else {}
        if path.startswith(_IMMUTABLE_PREFIX):
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        media_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        compressed = found.with_name(found.name + ".gz")
        if gzip_ok and compressed.is_file():
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            return FileResponse(compressed, media_type=media_type, headers=headers)
        return FileResponse(found, media_type=media_type, headers=headers)

    def _find(self, path: str) -> Path | None:
        """The file for a URL path: itself, its index.html, or its .html page
        (how the export names client routes such as /dashboard)."""
        base = self.directory / path.strip("/")
        candidates = (base, base / "index.html", base.with_name(base.name + ".html"))
        for candidate in candidates:
            target = candidate.resolve()
            if target.is_file() and target.is_relative_to(self.directory):
                return target
        return None

    def _not_found(self) -> Response:
        page = self.directory / "404.html"
        if page.is_file():
            return FileResponse(page, status_code=404, headers=_HTML_HEADERS)
        return HTMLResponse("Not Found", status_code=404)


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            return b"gzip" in value
    return False
