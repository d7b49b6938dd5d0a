"""The report format shared by every evaluation area."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Section:
    """One table of the report, with the worst failures listed under it."""

    title: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(sections: list[Section], *, preamble: str = "") -> str:
    lines = ["# Built-in engine evaluation", ""]
    if preamble:
        lines += [preamble, ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        lines += _table(section.header, [[_escape(c) for c in r] for r in section.rows])
        lines += [""] + [f"- {_escape(note)}" for note in section.notes]
        if section.failures:
            lines += ["", "Worst failures:", ""]
            lines += [f"- {_escape(failure)}" for failure in section.failures]
        lines.append("")
    return "\n".join(lines)


def percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}%" if total else "n/a"
