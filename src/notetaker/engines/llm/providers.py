"""The wire protocols: Ollama's native chat API and OpenAI-style chat completions.

A provider sends one chat request and returns the answer's text, streamed or not.
Whatever goes wrong on the wire becomes a `ProviderError`, marked retryable when a
later attempt may succeed (timeouts, dropped connections, 429, 5xx, cut streams).
"""

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from .errors import ProviderError

OnText = Callable[[str], Awaitable[None]]
Messages = list[dict[str, str]]


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class Provider(Protocol):
    name: str

    async def complete(
        self, *, model: str, messages: Messages, schema: dict, on_text: OnText | None
    ) -> Completion: ...

    async def aclose(self) -> None: ...


class StreamParser(Protocol):
    done: bool
    prompt_tokens: int | None
    completion_tokens: int | None

    def feed(self, line: str) -> str: ...


class HTTPProvider:
    """What both protocols share: the HTTP exchange and its failures."""

    name: str
    path: str

    def __init__(self, client: httpx.AsyncClient, *, stream: bool) -> None:
        self._client = client
        self._stream = stream

    async def complete(
        self, *, model: str, messages: Messages, schema: dict, on_text: OnText | None
    ) -> Completion:
        body = self.body(model, messages, schema, stream=self._stream)
        try:
            if self._stream:
                return await self._streamed(body, on_text)
            return await self._whole(body)
        except httpx.TimeoutException as exc:
            raise ProviderError(
                f"timed out: {type(exc).__name__}", retryable=True
            ) from exc
        except httpx.RequestError as exc:
            raise ProviderError(
                f"transport: {type(exc).__name__}", retryable=True
            ) from exc

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _whole(self, body: dict) -> Completion:
        response = await self._client.post(self.path, json=body)
        _check_status(response)
        try:
            return self.parse(response.json())
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ProviderError("malformed response body", retryable=True) from exc

    async def _streamed(self, body: dict, on_text: OnText | None) -> Completion:
        parser = self.parser()
        parts: list[str] = []
        async with self._client.stream("POST", self.path, json=body) as response:
            if response.status_code >= 400:
                await response.aread()
                _check_status(response)
            async for piece in _pieces(response, parser):
                parts.append(piece)
                if on_text is not None:
                    await on_text(piece)
        if not parser.done:
            raise ProviderError(
                "the stream ended before the answer did", retryable=True
            )
        return Completion(
            "".join(parts), parser.prompt_tokens, parser.completion_tokens
        )

    def body(
        self, model: str, messages: Messages, schema: dict, *, stream: bool
    ) -> dict:
        raise NotImplementedError

    def parse(self, data: Any) -> Completion:
        raise NotImplementedError

    def parser(self) -> StreamParser:
        raise NotImplementedError


async def _pieces(response: httpx.Response, parser: StreamParser) -> AsyncIterator[str]:
    async for line in response.aiter_lines():
        if parser.done or not line.strip():
            continue
        try:
            piece = parser.feed(line)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ProviderError("malformed stream chunk", retryable=True) from exc
        if piece:
            yield piece


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    retryable = status == 429 or status >= 500
    raise ProviderError(
        f"HTTP {status}",
        retryable=retryable,
        status=status,
        retry_after=_retry_after(response),
    )


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers.get("retry-after", ""))
    except ValueError:
        return None


class OllamaProvider(HTTPProvider):
    """POST /api/chat with `format` set to the JSON schema; streams NDJSON."""

    name = "ollama"
    path = "/api/chat"

    def body(
        self, model: str, messages: Messages, schema: dict, *, stream: bool
    ) -> dict:
        options = {"temperature": 0}
        return {
            "model": model,
            "messages": messages,
            "format": schema,
            "stream": stream,
            "options": options,
        }

    def parse(self, data: Any) -> Completion:
        if "error" in data:
            raise ProviderError("the server reported an error", retryable=True)
        text = data["message"]["content"]
        return Completion(text, data.get("prompt_eval_count"), data.get("eval_count"))

    def parser(self) -> "OllamaStream":
        return OllamaStream()


class OllamaStream:
    def __init__(self) -> None:
        self.done = False
        self.prompt_tokens: int | None = None
        self.completion_tokens: int | None = None

    def feed(self, line: str) -> str:
        chunk = json.loads(line)
        if "error" in chunk:
            raise ProviderError("the server reported an error", retryable=True)
        if chunk.get("done"):
            self.done = True
            self.prompt_tokens = chunk.get("prompt_eval_count")
            self.completion_tokens = chunk.get("eval_count")
        return chunk.get("message", {}).get("content", "")


class OpenAIProvider(HTTPProvider):
    """POST {base}/chat/completions with a json_schema response format; streams SSE."""

    name = "openai"
    path = "chat/completions"

    def body(
        self, model: str, messages: Messages, schema: dict, *, stream: bool
    ) -> dict:
        body = {
            "model": model,
            "messages": messages,
            "temperature": 0,
            "stream": stream,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "plan", "schema": schema, "strict": True},
            },
        }
        if stream:
            body["stream_options"] = {"include_usage": True}
        return body

    def parse(self, data: Any) -> Completion:
        text = data["choices"][0]["message"]["content"]
        usage = data.get("usage") or {}
        return Completion(
            text, usage.get("prompt_tokens"), usage.get("completion_tokens")
        )

    def parser(self) -> "OpenAIStream":
        return OpenAIStream()


class OpenAIStream:
    def __init__(self) -> None:
        self.done = False
        self.prompt_tokens: int | None = None
        self.completion_tokens: int | None = None

    def feed(self, line: str) -> str:
        if not line.startswith("data:"):
            return ""  # SSE comments, event names and ids carry no text here
        data = line[5:].strip()
        if data == "[DONE]":
            self.done = True
            return ""
        chunk = json.loads(data)
        if "error" in chunk:
            raise ProviderError("the server reported an error", retryable=True)
        if usage := chunk.get("usage"):
            self.prompt_tokens = usage.get("prompt_tokens")
            self.completion_tokens = usage.get("completion_tokens")
        choices = chunk.get("choices") or []
        if not choices:
            return ""
        return choices[0].get("delta", {}).get("content") or ""
