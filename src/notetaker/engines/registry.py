from notetaker.cache import build_cache
from notetaker.core.config import Settings

from .chain import EngineChain, LLMContext
from .llm.breaker import CircuitBreaker
from .llm.engine import Limits, LLMEngine
from .llm.providers import Connection, HTTPProvider, OllamaProvider, OpenAIProvider
from .llm.retry import RetryPolicy
from .llm.routing import Router
from .llm.tokens import default_counter
from .local import LocalEngine


def build_engine(settings: Settings) -> EngineChain:
    """The engines the settings name, in their order, ending with the built-in one."""
    llm = [_llm_engine(name, settings) for name in settings.engines if name != "local"]
    if not llm:
        return EngineChain(LocalEngine())
    router = Router(
        default_counter(),
        large_tokens=settings.llm_route_large_tokens,
        large_lines=settings.llm_route_large_lines,
    )
    cache = build_cache(settings, namespace="ai")
    context = LLMContext(
        router,
        cache,
        settings.llm_context_tokens,
        settings.llm_history_messages,
        settings.llm_total_timeout,
    )
    return EngineChain(LocalEngine(), llm, context)


def _llm_engine(name: str, settings: Settings) -> LLMEngine:
    provider = _provider(name, settings)
    return LLMEngine(
        provider,
        models=_models(name, settings),
        breaker=CircuitBreaker(
            failures=settings.llm_breaker_failures,
            reset_after=settings.llm_breaker_reset,
        ),
        retry=RetryPolicy(
            settings.llm_retries, settings.llm_backoff_base, settings.llm_backoff_max
        ),
        limits=Limits(
            request_timeout=settings.llm_request_timeout,
            max_in_flight=settings.llm_max_in_flight,
            queue_timeout=settings.llm_queue_timeout,
        ),
    )


def _provider(name: str, settings: Settings) -> HTTPProvider:
    limits = {
        "connect_timeout": settings.llm_connect_timeout,
        "read_timeout": settings.llm_read_timeout,
        "max_connections": settings.llm_max_in_flight,
    }
    if name == "ollama":
        connection = Connection(settings.ollama_url, **limits)
        return OllamaProvider(connection, stream=settings.llm_stream)
    headers = {}
    if settings.openai_api_key is not None:
        headers["Authorization"] = (
            f"Bearer {settings.openai_api_key.get_secret_value()}"
        )
    connection = Connection(settings.openai_base_url, headers=headers, **limits)
    return OpenAIProvider(connection, stream=settings.llm_stream)


def _models(name: str, settings: Settings) -> dict[str, str]:
    if name == "ollama":
        return {
            "small": settings.ollama_small_model,
            "large": settings.ollama_large_model,
        }
    return {"small": settings.openai_small_model, "large": settings.openai_large_model}
