"""Aggregate functions that the dialects spell differently."""

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class json_array_of(FunctionElement[str]):  # noqa: N801 (a SQL function's name)
    """The group's values as a JSON array, as text; NULL on PostgreSQL for an
    empty group, `[]` on SQLite."""

    type = String()
    inherit_cache = True


@compiles(json_array_of, "sqlite")
def _sqlite(element: json_array_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_group_array({compiler.process(element.clauses, **kw)})"


@compiles(json_array_of, "postgresql")
def _postgresql(element: json_array_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(json_agg({compiler.process(element.clauses, **kw)}) AS TEXT)"
