"""The JSON an LLM must answer with, and the schema sent to the provider.

Dates are local wall-clock text ("2026-12-11 15:00", "2026-12-11") or the user's own
words ("next Friday at 3pm"); the server resolves them in the user's timezone. A
model never computes UTC or an offset.
"""

import copy
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..base import Intent, QuestionKind, TaskAction

# Part of every cache key: bump it whenever the schema or the prompt changes meaning.
SCHEMA_VERSION = "1"

_OFFSET = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$")


def _local_only(value: str | None) -> str | None:
    if value is not None and _OFFSET.search(value.strip()):
        raise ValueError("give local wall-clock time, without a UTC offset")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LLMTask(_Strict):
    title: str = Field(min_length=1, max_length=500)
    description: str | None = None
    due: str | None = Field(default=None, max_length=200)
    priority: Literal[1, 2, 3, 4] = 4
    recurrence: str | None = Field(default=None, max_length=200)
    tags: list[str] = Field(default_factory=list)

    _local = field_validator("due")(_local_only)


class LLMNote(_Strict):
    title: str = Field(min_length=1, max_length=500)
    body: str = ""
    tags: list[str] = Field(default_factory=list)
    category: str | None = None


class LLMChange(_Strict):
    task_id: int
    action: TaskAction
    due: str | None = Field(default=None, max_length=200)
    priority: Literal[1, 2, 3, 4] | None = None

    _local = field_validator("due")(_local_only)


class LLMQuestion(_Strict):
    kind: QuestionKind
    start: str | None = Field(default=None, max_length=200)
    end: str | None = Field(default=None, max_length=200)
    text: str | None = None

    _local = field_validator("start", "end")(_local_only)


class LLMPlan(_Strict):
    # First, so that a streamed answer shows the reply before the structured items.
    reply: str = Field(min_length=1, max_length=20_000)
    intent: Intent
    notes: list[LLMNote] = Field(default_factory=list)
    tasks: list[LLMTask] = Field(default_factory=list)
    changes: list[LLMChange] = Field(default_factory=list)
    question: LLMQuestion | None = None


_UNSENT_KEYWORDS = ("default", "title", "minLength", "maxLength", "description")


def wire_schema() -> dict[str, Any]:
    """The plan schema as structured-output servers accept it in strict mode:
    every property required (nullable where optional), no extra properties, and
    no keywords that some servers reject. Pydantic still checks the limits."""
    schema = copy.deepcopy(LLMPlan.model_json_schema())
    for node in (schema, *schema.get("$defs", {}).values()):
        _strict_object(node)
    return schema


def _strict_object(node: dict[str, Any]) -> None:
    _strip(node)
    if node.get("type") != "object":
        return
    node["required"] = list(node.get("properties", {}))
    node["additionalProperties"] = False


def _strip(value: Any) -> None:
    if isinstance(value, dict):
        for key in _UNSENT_KEYWORDS:
            if not isinstance(value.get(key), dict):
                value.pop(key, None)
        for child in value.values():
            _strip(child)
    elif isinstance(value, list):
        for child in value:
            _strip(child)
