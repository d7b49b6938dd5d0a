"""Intent accuracy and task titles on the SLURP and TOPv2 corpora.

Every corpus intent is mapped to one of five classes (`docs/eval-intents.md` gives the
mapping and why); the engine's intent is mapped the same way, with `note` kept apart
because no corpus record asks to store information, so a note is always a miss.
"""

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from notetaker.engines.base import EngineInput, Intent, Plan, TaskRef
from notetaker.engines.local import LocalEngine
from notetaker.evaluation.report import Section, percent

CLASSES = ("task", "question", "task_update", "chit_chat", "other")
CORPORA = ("reminders_intents_slurp.jsonl", "reminders_intents_topv2.jsonl")
# No corpus gives a reference time for intents; a fixed weekday morning.
ZONE = "Europe/London"
REFERENCE = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo(ZONE))
# A plausible to-do list, so update forms are matched as they are in the product.
OPEN_TASKS = tuple(
    TaskRef(number, title)
    for number, title in enumerate(
        [
            "Call the dentist",
            "Buy milk",
            "Pay the electricity bill",
            "Write the quarterly report",
            "Book flights to Lisbon",
            "Renew passport",
            "Send invoice to Acme",
            "Pick up dry cleaning",
            "Team meeting prep",
            "Fix the bike",
            "Water the plants",
            "Email Sarah about the budget",
            "Gym session",
            "Dinner with Tom",
            "Buy a birthday present for mum",
            "Clean the garage",
            "Review pull requests",
            "Car service",
            "Cancel the gym membership",
            "Plan the team offsite",
        ],
        start=1,
    )
)
WORST = 12

SLURP_CLASSES = {
    "calendar_set": "task",
    "lists_createoradd": "task",
    "calendar_query": "question",
    "lists_query": "question",
    "calendar_remove": "task_update",
    "lists_remove": "task_update",
    "general_quirky": "chit_chat",
    "general_joke": "chit_chat",
    "general_greet": "chit_chat",
}
TOPV2_CLASSES = {
    "CREATE_REMINDER": "task",
    "GET_REMINDER": "question",
    "GET_REMINDER_DATE_TIME": "question",
    "GET_REMINDER_AMOUNT": "question",
    "GET_REMINDER_LOCATION": "question",
    "DELETE_REMINDER": "task_update",
    "UPDATE_REMINDER": "task_update",
    "UPDATE_REMINDER_DATE_TIME": "task_update",
    "UPDATE_REMINDER_TODO": "task_update",
    "HELP_REMINDER": "chit_chat",
}
ENGINE_CLASSES = {
    Intent.TASK: "task",
    Intent.BRAIN_DUMP: "task",
    Intent.QUESTION: "question",
    Intent.TASK_UPDATE: "task_update",
    Intent.CHIT_CHAT: "chit_chat",
    Intent.UNSUPPORTED: "other",
    Intent.NOTE: "note",
}
_TOKEN = re.compile(r"[^\W_]+")


def gold_class(intent: str) -> str:
    """The class of a corpus intent; every intent not listed is out of scope."""
    return SLURP_CLASSES.get(intent) or TOPV2_CLASSES.get(intent) or "other"


@dataclass(frozen=True, slots=True)
class Outcome:
    text: str
    intent: str  # the corpus's own label
    gold: str
    predicted: str
    plan: Plan


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


def class_scores(gold: list[str], predicted: list[str]) -> list[ClassScore]:
    """Precision, recall and F1 of every class that occurs in the gold labels."""
    pairs = list(zip(gold, predicted, strict=True))
    scores = []
    for label in sorted(set(gold)):
        hits = sum(1 for g, p in pairs if g == p == label)
        support = sum(1 for g, _ in pairs if g == label)
        claimed = sum(1 for _, p in pairs if p == label)
        precision = hits / claimed if claimed else 0.0
        recall = hits / support
        scores.append(
            ClassScore(label, precision, recall, _f1(precision, recall), support)
        )
    return scores


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """The unweighted mean F1 over the classes the corpus labels.

    A prediction of a class the corpus never labels (a `note`) still costs: it is a
    miss in the recall of the true class.
    """
    scores = class_scores(gold, predicted)
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and apostrophes split words."""
    return _TOKEN.findall(text.lower())


def token_f1(predicted: str, reference: str) -> float:
    """Overlap of the two token bags (SQuAD's answer F1)."""
    ours, theirs = Counter(tokens(predicted)), Counter(tokens(reference))
    common = sum((ours & theirs).values())
    if not common:
        return float(not ours and not theirs)
    return _f1(common / sum(ours.values()), common / sum(theirs.values()))


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def understand(engine: LocalEngine, text: str) -> Plan:
    message = EngineInput(
        text=text, now=REFERENCE, timezone=ZONE, open_tasks=OPEN_TASKS
    )
    return engine.understand(message)


def run_corpus(engine: LocalEngine, records: Iterable[dict]) -> list[Outcome]:
    outcomes = []
    for record in records:
        plan = understand(engine, record["text"])
        predicted = ENGINE_CLASSES[plan.intent]
        gold = gold_class(record["intent"])
        outcomes.append(
            Outcome(record["text"], record["intent"], gold, predicted, plan)
        )
    return outcomes


def evaluate(corpora: Path) -> list[Section]:
    engine = LocalEngine()
    sections: list[Section] = []
    for name in CORPORA:
        records = list(read_records(corpora / name))
        outcomes = run_corpus(engine, records)
        sections += [
            _summary(name, outcomes),
            _per_intent(name, outcomes),
            _confusion(name, outcomes),
        ]
        if "topv2" in name:
            sections.append(_titles(records, outcomes))
    return sections


def _summary(name: str, outcomes: list[Outcome]) -> Section:
    gold = [o.gold for o in outcomes]
    predicted = [o.predicted for o in outcomes]
    hits = sum(g == p for g, p in zip(gold, predicted, strict=True))
    rows = [
        [
            s.label,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.support),
        ]
        for s in class_scores(gold, predicted)
    ]
    rows.append(
        [
            "**all**",
            "",
            f"accuracy {percent(hits, len(gold))}",
            f"macro {macro_f1(gold, predicted):.3f}",
            str(len(gold)),
        ]
    )
    return Section(
        title=f"Intent: {name}",
        header=["class", "precision", "recall", "F1", "count"],
        rows=rows,
        notes=[
            "Corpus intents and engine intents mapped to five classes as in "
            "`docs/eval-intents.md`; macro-F1 averages the classes the corpus labels.",
            f"Each message is read at {REFERENCE.isoformat()} ({ZONE}) with "
            f"{len(OPEN_TASKS)} open tasks.",
        ],
    )


def _per_intent(name: str, outcomes: list[Outcome]) -> Section:
    by_intent: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_intent.setdefault(outcome.intent, []).append(outcome)
    rows = []
    ranked = sorted(by_intent.items(), key=lambda item: (-len(item[1]), item[0]))
    for intent, group in ranked:
        hits = sum(o.gold == o.predicted for o in group)
        wrong = Counter(o.predicted for o in group if o.gold != o.predicted)
        mistaken = ", ".join(
            f"{label} {count}" for label, count in wrong.most_common(2)
        )
        rows.append(
            [
                intent,
                group[0].gold,
                str(len(group)),
                percent(hits, len(group)),
                mistaken,
            ]
        )
    return Section(
        title=f"Intent per corpus intent: {name}",
        header=["corpus intent", "class", "count", "accuracy", "mistaken for"],
        rows=rows,
        failures=_worst(outcomes),
    )


def _worst(outcomes: list[Outcome]) -> list[str]:
    """Misses from the intents the engine gets wrong most often, a few of each."""
    misses = [o for o in outcomes if o.gold != o.predicted]
    counts = Counter(o.intent for o in misses)
    picked: list[Outcome] = []
    for intent, _ in counts.most_common():
        picked += [o for o in misses if o.intent == intent][:3]
    return [
        f'"{o.text}" ({o.intent}): {o.predicted}, expected {o.gold}'
        for o in picked[:WORST]
    ]


def _confusion(name: str, outcomes: list[Outcome]) -> Section:
    labels = [
        c
        for c in (*CLASSES, "note")
        if any(c in (o.gold, o.predicted) for o in outcomes)
    ]
    pairs = Counter((o.gold, o.predicted) for o in outcomes)
    rows = [
        [gold] + [str(pairs[gold, p]) for p in labels]
        for gold in labels
        if any(o.gold == gold for o in outcomes)
    ]
    return Section(
        title=f"Confusion: {name}",
        header=["gold \\ engine", *labels],
        rows=rows,
    )


def _titles(records: list[dict], outcomes: list[Outcome]) -> Section:
    scored: list[tuple[float, str, str, str]] = []
    for record, outcome in zip(records, outcomes, strict=True):
        todo = record["slots"].get("TODO")
        if record["intent"] != "CREATE_REMINDER" or not todo:
            continue
        reference = " ".join(todo) if isinstance(todo, list) else todo
        title = outcome.plan.tasks[0].title if outcome.plan.tasks else ""
        scored.append((token_f1(title, reference), record["text"], title, reference))
    mean = sum(s[0] for s in scored) / len(scored) if scored else 0.0
    exact = sum(1 for s in scored if s[0] == 1.0)
    worst = sorted(scored, key=lambda s: s[0])[:WORST]
    return Section(
        title="Task titles: TOPv2 CREATE_REMINDER vs its TODO slot",
        header=["records", "mean token F1", "exact (F1 = 1)"],
        rows=[[str(len(scored)), f"{mean:.3f}", percent(exact, len(scored))]],
        notes=[
            "Tokens: lower-cased runs of letters and digits, so punctuation and "
            "apostrophes split words; a message read as no task scores 0.",
        ],
        failures=[
            f'"{text}": "{title}", expected "{ref}" (F1 {f1:.2f})'
            for f1, text, title, ref in worst
        ],
    )
