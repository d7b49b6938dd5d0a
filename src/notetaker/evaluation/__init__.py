"""Measures the built-in engine on third-party corpora (`make eval`).

Each area module (`dates`, `intents`) has `evaluate(corpora: Path) -> list[Section]`;
`run` renders every section into one Markdown report.
"""
