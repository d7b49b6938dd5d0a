"""Why an LLM engine gave no plan; the chain then moves on to the next engine."""


class EngineFailure(Exception):
    """The engine produced no usable plan for this message."""

    reason = "failed"


class ProviderError(EngineFailure):
    """The provider's transport or status failed: timeout, 5xx, 429, dropped stream."""

    reason = "provider_error"

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after


class ProviderUnavailable(EngineFailure):
    """Not tried: its circuit is open or every request slot stayed busy."""

    reason = "unavailable"


class InvalidOutput(EngineFailure):
    """The answer did not validate against the plan schema, even after a repair."""

    reason = "invalid_output"
