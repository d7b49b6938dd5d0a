"""What a set of statements is about: their noun phrases, ranked by how often the
statements come back to them.

There is no tagger here: a phrase is a run of words that are none of the function
words, verbs, dates or vague nouns listed below, which is enough for the short,
plain statements of a brain dump.
"""

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import DETERMINERS, MONTH_NAMES, WEEKDAY_NAMES
from .updates import stem
from .verbs import ACTION_VERBS

MAX_PHRASE = 3
_WORD = re.compile(r"[^\W_][\w'’-]*")
_FUNCTION = DETERMINERS | frozenset(
    """it i we you he she they me us him them mine ours to of in on at by for with
    from about into onto over under after before until till since during and or but
    so if then also too as than not no nor all any some more most less much many few
    each every other another own what which who whom whose when where why how there
    here very really just still again already maybe perhaps lots lot two three four
    five six seven eight nine ten one first second next last new old good bad great
    big small little""".split()
)
_VERBS = frozenset(
    """is are was were be been being am has have had do does did done will would can
    could should shall may might must need needs needed want wants wanted look looks
    looked seem seems seemed feel feels felt think thinks thought decide decides
    decided know knows knew say says said going gone get gets got make makes made
    keep keeps kept let lets like likes liked leak leaks leaking come comes came
    happen happens happened""".split()
)
_VAGUE = frozenset(
    """thing things stuff thought thoughts idea ideas note notes mind random brain dump
    list todo todos item items today tomorrow tonight yesterday week weekend month year
    morning afternoon evening night pm am""".split()
).union(WEEKDAY_NAMES, MONTH_NAMES)
_COPULAS = frozenset(
    "is are was were be been look looks seem seems feel feels too very so".split()
)
_CLAUSE_START = frozenset(
    """ to and then also please i we you must should will need and so or but""".split()
) | {""}
_DATE_LIKE = re.compile(r"\d|(?:st|nd|rd|th)$")


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]  # as written
    order: int  # where it first appears, for ties

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(w) for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(self.words)


def phrases(sentence: str, order: int = 0) -> list[Phrase]:
    """The noun phrases of one sentence, in order."""
    found: list[Phrase] = []
    run: list[str] = []
    previous = before = ""
    for word in [*_WORD.findall(sentence), ""]:
        if word and _is_content(word, previous):
            before = before if run else previous
            run.append(word.strip("'’"))
        elif run:
            # "The boiler is noisy": one word after a copula describes, it is no topic.
            if len(run) > 1 or before not in _COPULAS:
                found.append(Phrase(tuple(run[-MAX_PHRASE:]), order + len(found)))
            run = []
        previous = word.lower()
    return found


def _is_content(word: str, previous: str) -> bool:
    lowered = word.lower().strip("'’")
    if lowered.endswith(("'s", "’s")):
        lowered = lowered[:-2]
    # "plan", "call", "order" are verbs where a clause starts, nouns elsewhere.
    if lowered in ACTION_VERBS and previous in _CLAUSE_START:
        return False
    return not (
        lowered in _FUNCTION
        or lowered in _VERBS
        or lowered in _VAGUE
        or lowered.endswith("ly")
        or (lowered.endswith("ed") and len(lowered) > 4)
        or len(lowered) < 3
        or _DATE_LIKE.search(lowered)
    )


def salient(statements: list[str], *, lead: str = "", limit: int = 3) -> list[str]:
    """The phrases the statements return to most; the lead line's phrases first."""
    spread = Counter(s for line in statements for s in _stems(line))
    candidates = [p for i, line in enumerate(statements) for p in phrases(line, i * 10)]
    ranked = sorted(candidates, key=lambda p: (-_weight(p, spread), p.order))
    chosen = _distinct(phrases(lead, -100) + ranked, limit)
    repeated = [p for p in chosen if _weight(p, spread) > 1 or p.order < 0]
    return [_core(p, spread) for p in (repeated or chosen[:2])]


def _core(phrase: Phrase, spread: Counter[str]) -> str:
    """A long phrase without its trailing words that only one statement uses.

    Without a tagger "the garage door squeaks" gives "garage door squeaks"; the
    words the statements share ("garage door") are the topic.
    """
    words = list(phrase.words)
    top = _weight(phrase, spread)
    while len(words) > 2 and spread[stem(words[-1])] < top:
        words.pop()
    return " ".join(words)


def _stems(line: str) -> set[str]:
    return {s for p in phrases(line) for s in p.stems}


def _weight(phrase: Phrase, spread: Counter[str]) -> int:
    return max(spread[s] for s in phrase.stems)


def _distinct(candidates: list[Phrase], limit: int) -> list[Phrase]:
    chosen: list[Phrase] = []
    for phrase in candidates:
        if any(phrase.stems & c.stems for c in chosen):
            continue
        chosen.append(phrase)
        if len(chosen) == limit:
            break
    return chosen
