"""The Markdown report of one `make bench` run."""

import csv
import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

READ_PREFIX = "GET "
MESSAGE_ROUTE = "POST /api/conversations/{id}/message"


@dataclass
class Row:
    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float


@dataclass
class Phase:
    name: str
    users: int
    stats: list[Row]
    seconds: float
    cpu_percent: float
    rss_start_mb: float
    rss_end_mb: float
    rss_peak_mb: float
    machine_busy_percent: float
    load_average: float
    generator_cpu_percent: float
    rss_by_minute: list[float]

    def row(self, name: str) -> Row | None:
        return next((row for row in self.stats if row.name == name), None)

    @property
    def total(self) -> Row:
        return self.row("Aggregated") or Row("Aggregated", 0, 0, 0.0, 0, 0, 0)

    @property
    def reads(self) -> list[Row]:
        return [row for row in self.stats if row.name.startswith(READ_PREFIX)]


def read_locust_stats(path: Path) -> list[Row]:
    if not path.exists():
        return []
    with path.open() as file:
        return [
            Row(
                name=line["Name"],
                requests=int(line["Request Count"]),
                failures=int(line["Failure Count"]),
                rps=float(line["Requests/s"]),
                p50=float(line["50%"] or 0),
                p95=float(line["95%"] or 0),
                p99=float(line["99%"] or 0),
            )
            for line in csv.DictReader(file)
        ]


def _table(phase: Phase) -> list[str]:
    lines = [
        "| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in phase.stats:
        name = "**all**" if row.name == "Aggregated" else f"`{row.name}`"
        lines.append(
            f"| {name} | {row.requests} | {row.failures} | {row.rps:.0f} "
            f"| {row.p50:.0f} | {row.p95:.0f} | {row.p99:.0f} |"
        )
    cores = os.cpu_count() or 1
    lines.append("")
    lines.append(
        f"Server: CPU {phase.cpu_percent:.0f} % of one core "
        f"({phase.cpu_percent / cores:.0f} % of {cores}), "
        f"RSS {phase.rss_start_mb:.0f} MB at start, {phase.rss_end_mb:.0f} MB "
        f"at end, {phase.rss_peak_mb:.0f} MB peak ({phase.seconds:.0f} s). "
        f"Load generator: CPU {phase.generator_cpu_percent:.0f} % of one core. "
        f"Machine: {phase.machine_busy_percent:.0f} % busy (all processes), "
        f"load average {phase.load_average:.1f} at the end."
    )
    if len(phase.rss_by_minute) > 2:
        minutes = ", ".join(f"{mb:.0f}" for mb in phase.rss_by_minute)
        lines += ["", f"Server RSS by minute (MB): {minutes}."]
    return lines


def _memory(phase: Phase, warmup_seconds: int) -> list[str]:
    """The server's memory once warm, to the end of the soak: a leak shows here,
    where the warm-up fills what is bounded (connections, caches, the
    performance page's five-minute window)."""
    by_minute = phase.rss_by_minute  # one a whole minute, the last one's included
    warm_minute = min(round(warmup_seconds / 60), len(by_minute) - 1)
    warm, end = by_minute[warm_minute], phase.rss_end_mb
    lines = [
        f"- at start, before any load: {phase.rss_start_mb:.0f} MB",
        f"- after the warm-up ({warmup_seconds} s): {warm:.0f} MB",
        f"- at the end: {end:.0f} MB, that is {end - warm:+.1f} MB "
        f"({100 * (end - warm) / warm:+.1f} %) over the soak",
    ]
    if len(by_minute) - 1 - warm_minute > 5:
        lines[-1] += f"; {end - by_minute[-6]:+.1f} MB over its last five minutes"
    return lines


def _read_rps(phase: Phase) -> float:
    return sum(row.rps for row in phase.reads)


def _check(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _targets(phases: dict[str, Phase]) -> list[str]:
    mix, reads, bare = phases["mix"], phases["reads"], phases["bare"]
    read_p99 = max((row.p99 for row in mix.reads), default=0)
    message = mix.row(MESSAGE_ROUTE)
    message_p99 = message.p99 if message else 0
    read_rps, bare_rps = _read_rps(reads), bare.total.rps
    ratio = read_rps / bare_rps if bare_rps else 0
    total = mix.total
    rows = [
        ("users at once, zero errors", "100+", f"{mix.users}, 0 errors",
         f"{mix.users} users, {total.failures} errors", total.failures == 0),
        ("reads p99 (mix, worst read route)", "< 1000 ms", "< 100 ms",
         f"{read_p99:.0f} ms", 0 < read_p99 < 100),
        ("message p99, built-in engine (mix)", "< 1000 ms", "< 200 ms",
         f"{message_p99:.0f} ms", 0 < message_p99 < 200),
        ("API p50 / p95 (mix, all)", "< 200 / < 500 ms", "",
         f"{total.p50:.0f} / {total.p95:.0f} ms", total.p95 < 500),
        ("read throughput (reads phase)", "", ">= 1000 req/s",
         f"{read_rps:.0f} req/s", read_rps >= 1000),
        ("reads / bare ASGI endpoint", "", "(reported)",
         f"{read_rps:.0f} / {bare_rps:.0f} = {ratio:.2f}", True),
    ]  # fmt: skip
    lines = [
        "| target | seed | ours | measured | met |",
        "|---|---|---|---|---|",
    ]
    for name, seed, ours, measured, ok in rows:
        lines.append(f"| {name} | {seed} | {ours} | {measured} | {_check(ok)} |")
    return lines


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def _commit() -> str:
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    # The reports of earlier runs are no change to the code measured.
    changed = _git("status", "--porcelain", "--untracked-files=no", ":!docs/bench")
    return f"{commit} with uncommitted changes" if changed else commit


def _header(mode: str, workers: int, args: dict) -> list[str]:
    label = "PostgreSQL" if mode == "postgresql" else "SQLite (embedded default)"
    if args.get("redis"):
        label += ", live events through Redis"
    lines = [
        f"# Benchmark: {label}",
        "",
        f"- when: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {_commit()}",
        f"- machine: {os.cpu_count()} cores, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}; load generator on the same machine "
        f"({args['locust_processes']} locust process(es), FastHttpUser)",
        f"- server: `notetaker serve --workers {workers}` on 127.0.0.1, "
        "log level INFO (JSON access log on)",
        f"- mix: {args['users']} users, each with its own account, "
        f"{_mix_length(args)}, "
        "a pause of 0.5-1.5 s before each action (the first too); "
        "send message 3 : list notes 1 : list tasks 1 : dashboard 1 : search 1",
    ]
    if not args.get("soak"):
        lines.append(
            f"- reads: {args['read_users']} users without pauses, "
            f"{args['read_seconds']} s; bare: the same against bench/bare.py on "
            "the same uvicorn stack"
        )
    return [*lines, ""]


def _mix_length(args: dict) -> str:
    if not args.get("soak"):
        return f"{args['mix_seconds']} s"
    return f"{args['soak_warmup_seconds']} s of warm-up, then {args['soak_seconds']} s"


def render_report(
    *, mode: str, workers: int, args: dict, phases: list[Phase], soak: bool
) -> str:
    lines = _header(mode, workers, args)
    by_name = {phase.name: phase for phase in phases}
    if not soak:
        lines += ["## Against the targets", "", *_targets(by_name), ""]
    for phase in phases:
        lines += [f"## Phase: {phase.name} ({phase.users} users)", ""]
        lines += [*_table(phase), ""]
    if soak:
        warmup = args["soak_warmup_seconds"]
        lines += ["## Memory", "", *_memory(by_name["soak"], warmup), ""]
        lines += ["The request table covers the warm-up too.", ""]
    return "\n".join(lines)
