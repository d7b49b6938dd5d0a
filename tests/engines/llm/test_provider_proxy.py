"""A deployment that reaches its LLM through an outbound proxy names it in
HTTP_PROXY, as for any HTTP client; the providers honour it."""

import asyncio
import json

from notetaker.engines.llm.providers import Connection, OllamaProvider

ANSWER = {"message": {"content": "{}"}, "done": True}


async def test_requests_go_through_the_proxy_the_environment_names(monkeypatch):
    request_lines: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        request_lines.append(await reader.readline())
        while (await reader.readline()) not in (b"\r\n", b""):
            pass  # the rest of the head; a plain proxy need not read the body
        body = json.dumps(ANSWER).encode()
        head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        writer.write(head.encode() + body)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(proxy, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    # Nothing listens at 127.0.0.2:9: only the proxy can answer.
    limits = {"connect_timeout": 1.0, "read_timeout": 1.0, "max_connections": 2}
    provider = OllamaProvider(Connection("http://127.0.0.2:9", **limits), stream=False)
    try:
        completion = await provider.complete(
            model="m", messages=[], schema={}, on_text=None
        )
    finally:
        await provider.aclose()
        server.close()

    assert completion.text == "{}"
    assert request_lines[0].startswith(b"POST http://127.0.0.2:9/api/chat ")
