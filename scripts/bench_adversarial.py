"""Time the adversarial inputs of tests/data/hostile/adversarial.toml at 1 MiB each.

    python scripts/bench_adversarial.py              # every input, 1 MiB of UTF-8 each
    python scripts/bench_adversarial.py --mib 0.25   # smaller
    python scripts/bench_adversarial.py --only 萬    # inputs whose name holds this

For each input: `patterns`, the seconds every pattern the engine runs over the whole text
takes there (traps, dates, the scanner, the normalizer, the relation triggers, ranks,
superlatives, clause and sentence ends), with the slowest of them; then `extract`, the whole
pipeline as shipped, and the claims it gives, with the time per claim; `data` says the input
is a paragraph of data (rules/data_blocks.toml), which is not read for claims. Patterns that
are linear keep `patterns` far below a second; `extract` adds a fixed cost per claim read.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import claimcheck  # noqa: E402
from claimcheck import rules  # noqa: E402
from claimcheck.engine.sentences import _SENTENCE_END  # noqa: E402
from claimcheck.rules.grammar import grammar  # noqa: E402
from claimcheck.rules.relations_grammar import relation_grammar  # noqa: E402
from claimcheck.text import data_blocks  # noqa: E402
from claimcheck.text.normalize import _WHEN_FOUND, _removal_pattern  # noqa: E402

MIB = 2**20


def whole_text_patterns() -> list[tuple[str, object]]:
    """Every pattern the engine runs with finditer over the whole cleaned text."""
    g, rg = grammar(), relation_grammar(rules.languages())
    found = [(f"trap {i}", p.pattern) for i, p in enumerate(g.traps)]
    found += [(f"time {i}", p.pattern) for i, p in enumerate(g.times)]
    # The normalizer's removals with the rare ones too (text holding a bidirectional control).
    found += [("scan", g.scan), ("normalize", _removal_pattern(_WHEN_FOUND)), ("sentence end", _SENTENCE_END)]
    found += [(f"trigger {i}", p) for i, p in enumerate(rg.triggers)] + [("clause break", rg.clause_break)]
    found += [(f"rank {i}", p) for i, (p, _) in enumerate(rg.ranks)]
    found += [(f"superlative {i}", p) for i, p in enumerate(rg.superlative_patterns)]
    return found


def text_of(case: dict, mib: float) -> str:
    times = int(mib * MIB) // len(case["repeat"].encode("utf-8"))
    return case.get("before", "") + case["repeat"] * times + case.get("after", "")


def measure(case: dict, mib: float, patterns) -> dict:
    text = text_of(case, mib)
    timings = []
    for name, pattern in patterns:
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        timings.append((time.perf_counter() - started, name))
    started = time.perf_counter()
    claims = claimcheck.extract(text)
    seconds = time.perf_counter() - started
    slowest = max(timings)
    return {
        "name": case["name"],
        "chars": len(text),
        "patterns": sum(t for t, _ in timings),
        "slowest": f"{slowest[1]} ({slowest[0]:.3f})",
        "extract": seconds,
        "claims": len(claims),
        "data": "yes" if data_blocks.find(text) else "no",
        "per_claim": seconds / len(claims) * 1e6 if claims else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mib", type=float, default=1.0, help="size of each input in MiB of UTF-8")
    parser.add_argument("--only", default="", help="run the inputs whose name holds this")
    args = parser.parse_args()
    cases = tomllib.loads((ROOT / "tests/data/hostile/adversarial.toml").read_text(encoding="utf-8"))["input"]
    patterns = whole_text_patterns()
    claimcheck.extract("warm up: 12 km, 50萬臺")
    print(f"claimcheck {claimcheck.__version__}, Python {platform.python_version()}, {args.mib:g} MiB each")
    print(f"{len(patterns)} whole-text patterns; wall-clock seconds\n")
    print("| input | characters | all patterns | slowest pattern | data | extract | claims | µs per claim |")
    print("|---|---:|---:|---|---|---:|---:|---:|")
    for case in cases:
        if args.only not in case["name"]:
            continue
        row = measure(case, args.mib, patterns)
        per_claim = f"{row['per_claim']:.0f}" if row["per_claim"] is not None else "—"
        print(
            f"| `{row['name']}` | {row['chars']:,} | {row['patterns']:.2f} | {row['slowest']} | {row['data']} "
            f"| {row['extract']:.2f} | {row['claims']:,} | {per_claim} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
