from typing import Literal

from pydantic import Field

from notetaker.engines.chain import EngineChain
from notetaker.schemas.base import OutputModel


class EngineRead(OutputModel):
    name: str
    builtin: bool = Field(description="The offline engine that answers when all fail.")
    models: dict[str, str] = Field(
        description="Model by message size (small, large); empty for the built-in."
    )
    state: Literal["up", "degraded", "circuit_open"]


class EngineChainRead(OutputModel):
    """The understanding engines in the order a message tries them."""

    engines: list[EngineRead]

    @classmethod
    def of(cls, chain: EngineChain) -> "EngineChainRead":
        states = chain.providers()
        llm = [
            EngineRead(
                name=engine.name,
                builtin=False,
                models=dict(engine.models),
                state=states[engine.name],
            )
            for engine in chain.llm
        ]
        builtin = EngineRead(
            name=chain.fallback.name, builtin=True, models={}, state="up"
        )
        return cls(engines=[*llm, builtin])
