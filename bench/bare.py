"""The baseline of `make bench`: the smallest ASGI app that answers a JSON body.

Served by the same uvicorn, with the same workers, as the app, so that the ratio
of the app's throughput to this one's is the cost of our own code.
"""

import json

_BODY = json.dumps({"status": "ok"}).encode()
_HEADERS = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(_BODY)).encode()),
]


async def app(scope, receive, send) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": _BODY})
