"""LLM understanding engines: Ollama and OpenAI-compatible providers.

`providers` speaks the wire protocols; `engine` adds timeouts, retries, the circuit
breaker and the bound on requests in flight; `context` packs the prompt into a token
budget (`tokens` counts); `routing` picks the model size; `schema` is the JSON the
model must answer with and `convert` turns it into a `Plan`. The chain that tries the
engines in order is `notetaker.engines.chain`.
"""
